using System.Diagnostics;
using NewsBot.Knowledge.Answers;
using NewsBot.Knowledge.Articles;
using NewsBot.Knowledge.Indexing;
using NewsBot.Knowledge.Passages;
using NewsBot.Knowledge.Semantic;

namespace NewsBot.Knowledge.Evaluation;

/// <summary>
/// Scores the answer engine's ranking on a BEIR dataset: the corpus is indexed into a temporary Lucene index
/// with the same analysis, passage rules and ranking as the news index; each document ranks by its best passage.
/// </summary>
public static class BeirEvaluator
{
    private const int Depth = 100;

    /// <summary>How the temporary index's folder is named.</summary>
    private const string WorkFolderPrefix = "newsbot-beir-";

    /// <param name="vectorCache">With semantic ranking: the file caching the corpus's passage vectors (a second run
    /// embeds nothing). Null evaluates BM25 alone.</param>
    public static BeirReport Evaluate(BeirDataset dataset, TextWriter? progress = null, string? vectorCache = null) =>
        Evaluate(dataset, progress, ArticleIndex.Similarity, RankingSettings.Default, new PassageSplitter(), vectorCache);

    /// <summary>Evaluates with other ranking settings: the tuning entry point of the benchmarks project.</summary>
    /// <param name="workRoot">The folder to build the temporary index in (the system's temporary folder when null).</param>
    internal static BeirReport Evaluate(BeirDataset dataset, TextWriter? progress, Lucene.Net.Search.Similarities.Similarity similarity, RankingSettings settings, PassageSplitter splitter, string? vectorCache = null, string? workRoot = null)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        var folder = workRoot is null
            ? Directory.CreateTempSubdirectory(WorkFolderPrefix)
            : Directory.CreateDirectory(Path.Combine(workRoot, WorkFolderPrefix + Path.GetRandomFileName()));
        try
        {
            // The index in a folder of its own: its writer lock sits beside it, inside the temporary folder, and goes with it.
            using var index = ArticleIndex.Open(Path.Combine(folder.FullName, "index"), similarity);
            var build = Stopwatch.StartNew();
            var writer = index.Writer;
            var epoch = DateTimeOffset.UnixEpoch;
            foreach (var (id, title, text) in dataset.Corpus)
            {
                // BEIR documents have no url or date; the index needs some, and none is ever shown.
                var article = new Article(id, id, title, new Uri("https://beir.invalid/" + Uri.EscapeDataString(id)), epoch, null, null, [], null, [new ArticleBlock(null, text, 1)], string.Empty);
                writer.AddDocuments(ArticleDocuments.Build(article, splitter.Split(article.Blocks), epoch));
            }

            index.Commit(new Dictionary<string, string>());
            build.Stop();
            progress?.WriteLine($"Indexed {dataset.Corpus.Count} documents in {build.Elapsed.TotalSeconds:F1} s");

            ArticleCatalog catalog;
            using (var lease = index.Lease())
            {
                catalog = ArticleCatalog.Load(lease.Searcher);
            }

            using var semantic = vectorCache is null ? null : Embed(index, catalog, vectorCache, progress);
            var engine = new AnswerEngine(index, () => catalog, settings, null, semantic);
            var runs = new List<(string QueryId, IReadOnlyList<(string DocId, double Score)> Ranked)>();
            double ndcg = 0, recall = 0;
            var search = Stopwatch.StartNew();
            foreach (var (queryId, text) in dataset.Queries)
            {
                var ranked = engine.Rank(text, Depth * 10, Depth)?
                    .Select(c => (c.Article.Id, (double)c.Score)).ToList() ?? [];
                runs.Add((queryId, ranked));
            }

            search.Stop();
            foreach (var (queryId, ranked) in runs)
            {
                var ids = ranked.Select(r => r.DocId).ToList();
                ndcg += RetrievalMetrics.Ndcg(ids, dataset.Qrels[queryId], 10);
                recall += RetrievalMetrics.Recall(ids, dataset.Qrels[queryId], Depth);
            }

            var count = Math.Max(dataset.Queries.Count, 1);
            return new BeirReport(dataset.Queries.Count, dataset.Corpus.Count, ndcg / count, recall / count, dataset.Queries.Count / search.Elapsed.TotalSeconds, build.Elapsed, runs, semantic?.Current.Ready ?? 0);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Embeds the corpus's passages on every core, reusing the vectors cached by earlier runs.</summary>
    private static SemanticIndex Embed(ArticleIndex index, ArticleCatalog catalog, string vectorCache, TextWriter? progress)
    {
        var embedder = MiniLmEmbedder.Shared;
        var semantic = new SemanticIndex(index, () => catalog, embedder, VectorStore.Open(vectorCache, embedder));
        var watch = Stopwatch.StartNew();
        var lastReport = TimeSpan.Zero;
        var reporter = new Progress<(int Done, int Missing)>(p =>
        {
            if (progress is not null && (watch.Elapsed - lastReport > TimeSpan.FromSeconds(30) || p.Done == p.Missing))
            {
                lastReport = watch.Elapsed;
                progress.WriteLine($"Embedded {p.Done} of {p.Missing} passages ({p.Done / watch.Elapsed.TotalSeconds:F1}/s)");
            }
        });
        var embedded = semantic.EmbedMissing(TimeSpan.FromMinutes(10), Environment.ProcessorCount, reporter);
        progress?.WriteLine($"Vectors: {semantic.Current.Ready} of {semantic.Current.Total} passages ({embedded} embedded now, the rest from {vectorCache})");
        return semantic;
    }
}

/// <summary>BEIR results: nDCG@10 and Recall@100 averaged over judged queries, and search speed.</summary>
public sealed record BeirReport(
    int Queries,
    int Documents,
    double NdcgAt10,
    double RecallAt100,
    double QueriesPerSecond,
    TimeSpan IndexTime,
    IReadOnlyList<(string QueryId, IReadOnlyList<(string DocId, double Score)> Ranked)> Runs,
    int Vectors = 0);
