using Lucene.Net.Search;
using NewsBot.Knowledge.Answers.Evidence;
using NewsBot.Knowledge.Answers.Questions;

namespace NewsBot.Knowledge.Answers;

/// <summary>
/// Reads, on both cores, the titles and passages a question is about to weigh that were never read before. Reading a
/// passage for the first time (stored fields, analysis, sentence facts) and a title (analysis, term statistics) is
/// most of what a new question costs beyond a repeated one (docs/benchmarks.md), and by then the other core, done
/// with the question's embedding and the vector scan, is idle. Both threads take the next title or passage not taken
/// yet, titles first; the calling thread looks terms up through the question's <see cref="QuestionTerms"/>, the other
/// through its own over the same reader (lookups are not thread-safe; the counts are the same). If no other thread
/// comes, the calling thread reads everything itself. Readings land in the same caches (<see cref="PassageReadings"/>,
/// <see cref="ArticleTitles"/>) as when read one by one, so the answer is the same.
/// </summary>
internal sealed class FirstReadings(PassageReadings readings, ArticleTitles titles)
{
    /// <summary>Below this many passages not read yet, the calling thread reads them (and the titles) alone as it goes.</summary>
    private const int MinParallelPassages = 2;

    /// <param name="passages">The passages to weigh, with their content keys (zero: never kept, so not read here).</param>
    /// <param name="collectionPassages">The collection's passage count (for the titles' term weights).</param>
    public void Read(IndexSearcher searcher, QuestionTerms lookup, IReadOnlyList<ArticleInfo> articles, int collectionPassages, IReadOnlyList<(int Doc, UInt128 Key)> passages)
    {
        // Titles are kept per reader and passages by content, so new passages mostly come with new titles; a title
        // read before costs a lookup.
        var unreadPassages = passages.Where(p => p.Key != UInt128.Zero && !readings.Has(p.Key)).DistinctBy(p => p.Key).ToList();
        if (unreadPassages.Count < MinParallelPassages)
        {
            return;
        }

        var count = articles.Count + unreadPassages.Count;

        var next = -1;
        void ReadUntilDone(QuestionTerms terms)
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                if (i < articles.Count)
                {
                    titles.Get(terms, articles[i], collectionPassages);
                }
                else
                {
                    var (doc, key) = unreadPassages[i - articles.Count];
                    readings.Get(searcher, doc, key);
                }
            }
        }

        Parallel.Invoke(() => ReadUntilDone(lookup), () => ReadUntilDone(new QuestionTerms(lookup.Reader)));
    }
}
