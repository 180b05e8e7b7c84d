using System.Globalization;
using System.Text.Json;
using NewsBot.Knowledge;
using NewsBot.Knowledge.Answers;
using NewsBot.Knowledge.Evaluation;

namespace NewsBot.Benchmarks;

/// <summary>
/// <c>tune-semantic KNOWLEDGE QUESTIONS [DUMP.jsonl]</c>: the semantic weight and abstention sweep on the golden
/// questions, with vectors cached in <c>$TMPDIR/newsbot-bench/semantic-golden</c>; the optional dump holds each
/// question's top candidates (fused and BM25 scores, cosine, coverage) for analysis.
/// </summary>
internal static class SemanticTuning
{
    public static int Run(string knowledge, string questionsFile, string? dump)
    {
        var questions = GoldenQuestion.Load(questionsFile);
        var data = Path.Combine(Path.GetTempPath(), "newsbot-bench", "semantic-golden");
        var baseOptions = new KnowledgeOptions { Path = knowledge, DataPath = data, EmbeddingThreads = Environment.ProcessorCount };
        using (var kb = KnowledgeBase.Open(baseOptions))
        {
            kb.Sync();
            kb.WhenVectorsReadyAsync().GetAwaiter().GetResult();
            Console.WriteLine($"vectors {kb.Stats.Vectors}");
            if (dump is not null)
            {
                using var writer = File.CreateText(dump);
                foreach (var question in questions)
                {
                    var candidates = kb.Candidates(question.Question).Take(5).Select(c => new
                    {
                        url = c.Article.Url.AbsoluteUri,
                        published = c.Article.Published.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        score = c.Score,
                        lexical = c.Lexical,
                        cosine = c.Cosine,
                        coverage = c.Confidence,
                    });
                    writer.WriteLine(JsonSerializer.Serialize(new { id = question.Id, question = question.Question, expect = question.Expect, candidates }));
                }
            }
        }

        Evaluate(knowledge, data, questions, semantic: false, RankingSettings.Default);
        foreach (var weight in new[] { 0.3, 0.5 })
        {
            foreach (var confidenceWeight in new[] { 0.0, 0.25, 0.5, 1.0 })
            {
                foreach (var pivot in confidenceWeight == 0 ? [0.65] : new[] { 0.55, 0.6, 0.65, 0.7 })
                {
                    Evaluate(knowledge, data, questions, semantic: true, RankingSettings.Default with { SemanticWeight = weight, SemanticConfidenceWeight = confidenceWeight, SemanticConfidencePivot = pivot });
                }
            }
        }

        return 0;
    }

    private static void Evaluate(string knowledge, string data, List<GoldenQuestion> questions, bool semantic, RankingSettings settings)
    {
        var options = new KnowledgeOptions { Path = knowledge, DataPath = data, Semantic = semantic };
        using var kb = KnowledgeBase.Open(options, settings);
        kb.Sync();
        var report = GoldenEvaluator.Evaluate(kb, questions);
        var wrong = report.Outcomes.Where(o => o.Question.Answerable ? !o.AnsweredCorrectly : o.Answered).Select(o => o.Question.Id);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"semantic {(semantic ? "on " : "off")} weight {settings.SemanticWeight:F2} conf {settings.SemanticConfidenceWeight:F2}@{settings.SemanticConfidencePivot:F2}: answer@1 {report.AnswerAt1:F3} MRR {report.MrrAt10:F3} abstention {report.Abstention:F3} false {report.FalseAnswers} wrong: {string.Join(' ', wrong)}"));
    }
}

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
