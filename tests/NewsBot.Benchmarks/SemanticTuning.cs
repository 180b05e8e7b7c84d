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

        foreach (var semantic in new[] { false, true })
        {
            foreach (var weight in semantic ? new[] { 0.2, 0.3, 0.4, 0.5 } : [0.0])
            {
                var options = new KnowledgeOptions { Path = knowledge, DataPath = data, Semantic = semantic };
                using var kb = KnowledgeBase.Open(options, RankingSettings.Default with { SemanticWeight = weight });
                kb.Sync();
                var report = GoldenEvaluator.Evaluate(kb, questions);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"semantic {semantic} weight {weight:F2}: answer@1 {report.AnswerAt1:F3} MRR {report.MrrAt10:F3} abstention {report.Abstention:F3} false {report.FalseAnswers} wrong: {string.Join(' ', report.Outcomes.Where(o => o.Question.Answerable ? !o.AnsweredCorrectly : o.Answered).Select(o => o.Question.Id))}"));
            }
        }

        return 0;
    }
}
