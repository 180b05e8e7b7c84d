using System.Globalization;
using NewsBot.Knowledge;
using NewsBot.Knowledge.Answers;
using NewsBot.Knowledge.Evaluation;

namespace NewsBot.Benchmarks;

/// <summary><c>tune-semantic-beir DIR VECTORS</c>: the semantic weight sweep on a BEIR dataset, reusing cached vectors.</summary>
internal static class SemanticBeirTuning
{
    public static int Run(string folder, string vectors)
    {
        var dataset = BeirDataset.Load(folder, "test");
        foreach (var weight in (Environment.GetEnvironmentVariable("WEIGHTS") ?? "0.3,0.4,0.5,0.6,0.7").Split(',').Select(w => double.Parse(w, CultureInfo.InvariantCulture)))
        {
            var report = BeirEvaluator.Evaluate(dataset, null, NewsBot.Knowledge.Indexing.ArticleIndex.Similarity, RankingSettings.Default with { SemanticWeight = weight }, new NewsBot.Knowledge.Passages.PassageSplitter(), vectors);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"weight {weight:F2}: nDCG@10 {report.NdcgAt10:F4} Recall@100 {report.RecallAt100:F4} q/s {report.QueriesPerSecond:F1}"));
        }

        return 0;
    }
}

/// <summary>
/// <c>shortlist-recall DIR VECTORS</c>: how many of the exact nearest passages the 1-bit first pass keeps, on a
/// BEIR corpus with real vectors (its queries as questions): top 10 from a shortlist of 200.
/// </summary>
internal static class ShortlistRecall
{
    public static int Run(string folder, string vectors)
    {
        var dataset = BeirDataset.Load(folder, "test");
        var directory = Directory.CreateTempSubdirectory("newsbot-shortlist-");
        try
        {
            using var index = NewsBot.Knowledge.Indexing.ArticleIndex.Open(directory.FullName);
            var splitter = new NewsBot.Knowledge.Passages.PassageSplitter();
            foreach (var (id, title, text) in dataset.Corpus)
            {
                var article = new NewsBot.Knowledge.Articles.Article(id, id, title, new Uri("https://beir.invalid/" + Uri.EscapeDataString(id)), DateTimeOffset.UnixEpoch, null, null, [], null, [new NewsBot.Knowledge.Articles.ArticleBlock(null, text, 1)], string.Empty);
                index.Writer.AddDocuments(NewsBot.Knowledge.Indexing.ArticleDocuments.Build(article, splitter.Split(article.Blocks), DateTimeOffset.UnixEpoch));
            }

            index.Commit(new Dictionary<string, string>());
            var embedder = NewsBot.Knowledge.Semantic.MiniLmEmbedder.Shared;
            using var store = NewsBot.Knowledge.Semantic.VectorStore.Open(vectors, embedder);
            using var lease = index.Lease();
            var passages = NewsBot.Knowledge.Semantic.PassageVectors.Build(lease.Searcher.IndexReader, store);
            double kept = 0;
            foreach (var (_, text) in dataset.Queries)
            {
                var question = new NewsBot.Knowledge.Semantic.QuestionVector(embedder.Embed(text));
                var exact = passages.Nearest(question, 10, shortlist: false).Select(n => n.Position).ToHashSet();
                var quick = passages.Nearest(question, 10, shortlist: true).Select(n => n.Position);
                kept += quick.Count(exact.Contains) / 10.0;
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{passages.Ready} passage vectors, {dataset.Queries.Count} questions: the shortlist of {10 * NewsBot.Knowledge.Semantic.PassageVectors.ShortlistFactor} keeps {kept / dataset.Queries.Count:P1} of the exact 10 nearest"));
            return 0;
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
