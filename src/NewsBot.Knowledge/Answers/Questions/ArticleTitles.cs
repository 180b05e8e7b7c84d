using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Analysis;
using NewsBot.Knowledge.Analysis;

namespace NewsBot.Knowledge.Answers.Questions;

/// <summary>The analysed terms of an article's title and tags, and the names among them with their weights.</summary>
internal sealed record ArticleTitle(IReadOnlySet<string> Terms, IReadOnlyDictionary<string, double> Names)
{
    /// <summary>Weighted share of the title's names that the question does not hold ("turbo" in "GPT-4 Turbo" for a question about GPT-4).</summary>
    public double ExtraNames(IReadOnlySet<string> questionTerms)
    {
        double all = 0, extra = 0;
        foreach (var (name, weight) in Names)
        {
            all += weight;
            extra += questionTerms.Contains(name) ? 0 : weight;
        }

        return all <= 0 ? 0 : extra / all;
    }
}

/// <summary>
/// Article titles read once per index reader: every answer weighs the titles of its best articles, and analysing
/// them and looking up their terms' statistics cost more than scoring. Kept until the reader changes (a sync), since
/// a name's weight depends on the whole collection.
/// </summary>
internal sealed class ArticleTitles(Analyzer analyzer)
{
    private readonly ConditionalWeakTable<object, ConcurrentDictionary<string, ArticleTitle>> _byReader = new();

    public ArticleTitle Get(QuestionTerms lookup, ArticleInfo article, int passages)
    {
        var titles = _byReader.GetValue(lookup.Reader, _ => new ConcurrentDictionary<string, ArticleTitle>(StringComparer.Ordinal));
        return titles.GetOrAdd(article.Id, _ => Read(lookup, article, passages));
    }

    private ArticleTitle Read(QuestionTerms lookup, ArticleInfo article, int passages)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        TextAnalysis.AddTerms(analyzer, string.Join(". ", article.Title, string.Join(' ', article.Tags)), terms);
        var names = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var term in terms.Where(t => QuestionWeights.IsNameLike(t) || lookup.NameShare(t) >= QuestionWeights.NameShare))
        {
            var df = lookup.DocFreq(term);
            names[term] = Math.Log(1 + ((Math.Max(passages, df) - df + 0.5) / (df + 0.5)));
        }

        return new ArticleTitle(terms, names);
    }
}
