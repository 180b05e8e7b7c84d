using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Index;
using NewsBot.Knowledge.Indexing;
using F = NewsBot.Knowledge.Indexing.IndexFields;

namespace NewsBot.Knowledge.Semantic;

/// <summary>
/// The semantic half of the answer engine: embeds the indexed passages that have no vector yet, keeps them in
/// the <see cref="VectorStore"/>, and publishes <see cref="PassageVectors"/> snapshots for answers to scan.
/// </summary>
internal sealed class SemanticIndex(ArticleIndex index, Func<ArticleCatalog> catalog, ITextEmbedder embedder, VectorStore store) : IDisposable
{
    private static readonly HashSet<string> InputFields = [F.ArticleId, F.Text, F.Heading];

    /// <summary>Passages embedded per look at the index.</summary>
    private const int BatchSize = 256;

    private volatile PassageVectors _current = PassageVectors.Empty(store);

    public VectorStore Store => store;

    public string Model => embedder.Model;

    /// <summary>The latest snapshot: what answers scan.</summary>
    public PassageVectors Current => _current;

    public QuestionVector EmbedQuestion(string question)
    {
        using var span = KnowledgeTelemetry.Source.StartActivity(KnowledgeTelemetry.Semantic);
        span?.SetTag("newsbot.semantic.model", embedder.Model);
        return new(embedder.Embed(question));
    }

    /// <summary>Takes a new snapshot of the searcher's passages with the vectors ready now.</summary>
    public void Publish()
    {
        using var lease = index.Lease();
        _current = PassageVectors.Build(lease.Searcher.IndexReader, store);
    }

    /// <summary>
    /// Embeds every passage of the current index that has no vector, publishing a snapshot every
    /// <paramref name="publishEvery"/> and at the end, so hybrid ranking takes over passage by passage.
    /// </summary>
    /// <param name="parallelism">Passages embedded at once, one core each: 1 in the bot (the other core answers), all cores from the command line.</param>
    /// <returns>The number of passages embedded.</returns>
    public int EmbedMissing(TimeSpan publishEvery, int parallelism = 1, IProgress<(int Done, int Missing)>? progress = null, CancellationToken cancellationToken = default)
    {
        var embedded = 0;
        var sincePublish = Stopwatch.StartNew();
        var publishLock = new Lock();
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(parallelism, 1), CancellationToken = cancellationToken };
        while (true)
        {
            // A batch at a time, each from the index as it is now: a long pass (hours for a big collection) neither
            // holds an old reader's files open nor embeds passages that a later sync replaced.
            using var lease = index.Lease();
            var searcher = lease.Searcher;
            var missing = Missing(searcher.IndexReader);
            if (missing.Count == 0)
            {
                break;
            }

            var total = embedded + missing.Count;
            var articles = catalog();
            Parallel.ForEach(missing.Take(BatchSize), options, item =>
            {
                var stored = searcher.Doc(item.Doc, InputFields);
                var articleId = stored.Get(F.ArticleId, CultureInfo.InvariantCulture);
                var title = articleId is not null && articles.ById.TryGetValue(articleId, out var article) ? article.Info.Title : string.Empty;
                var input = EmbeddingInput.For(title, stored.Get(F.Heading, CultureInfo.InvariantCulture), stored.Get(F.Text, CultureInfo.InvariantCulture) ?? string.Empty);
                store.Add(item.Key, embedder.Embed(input, cancellationToken));
                var done = Interlocked.Increment(ref embedded);
                progress?.Report((done, total));
                if (sincePublish.Elapsed >= publishEvery && publishLock.TryEnter())
                {
                    try
                    {
                        store.Flush();
                        Publish();
                        sincePublish.Restart();
                    }
                    finally
                    {
                        publishLock.Exit();
                    }
                }
            });
        }

        store.Flush();
        Publish();
        return embedded;
    }

    public void Dispose() => store.Dispose();

    /// <summary>Live passages whose key has no vector yet, in index order, each key once.</summary>
    private List<(int Doc, UInt128 Key)> Missing(IndexReader reader)
    {
        var seen = new HashSet<UInt128>();
        return PassageVectorKeys.Live(reader).Where(passage => !store.Contains(passage.Key) && seen.Add(passage.Key)).ToList();
    }
}
