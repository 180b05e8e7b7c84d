using System.Globalization;
using NewsBot.Knowledge.Evaluation;
using NewsBot.Knowledge.Tests.Support;

namespace NewsBot.Knowledge.Tests.Evaluation;

public sealed class GoldenEvaluatorTests(CuratedKnowledgeFixture curated) : IClassFixture<CuratedKnowledgeFixture>
{
    private const string A = "https://example.org/a";
    private const string B = "https://example.org/b";
    private const string C = "https://example.org/c";

    private static GoldenOutcome Outcome(string[] expect, bool answered, params string[] ranked) =>
        new(new GoldenQuestion("q", "question", expect), answered, answered ? 0.9 : 0.1, ranked, answered && ranked.Length > 0 ? ranked[0] : null);

    [Fact]
    public void Evaluate_MeetsAnswerAndAbstentionFloors_OnTheCuratedCollection()
    {
        Assert.DoesNotContain(curated.SyncReport.Problems, p => p.Severity == Knowledge.Articles.ProblemSeverity.Error);
        var questions = GoldenQuestion.Load(RepositoryPaths.GoldenQuestions);

        var report = GoldenEvaluator.Evaluate(curated.Knowledge, questions);

        var wrong = report.Outcomes
            .Where(o => o.Question.Answerable ? !o.AnsweredCorrectly : o.Answered)
            .Select(o => string.Create(
                CultureInfo.InvariantCulture,
                $"  {o.Question.Id}: \"{o.Question.Question}\" expected {(o.Question.Answerable ? string.Join(" or ", o.Question.Expect) : "no answer")}, got {(o.Answered ? o.Lead : "no answer")} (confidence {o.Confidence:F3})"));
        var summary = string.Create(
            CultureInfo.InvariantCulture,
            $"Answer@1 {report.AnswerAt1:P1} (floor 85%), abstention {report.Abstention:P1} (floor 80%), MRR@10 {report.MrrAt10:F3}. Wrong:\n{string.Join("\n", wrong)}");
        Assert.Equal(questions.Count, report.Outcomes.Count);
        Assert.True(report.AnswerAt1 >= 0.85 && report.Abstention >= 0.80, summary);
    }

    [Fact]
    public void Report_ComputesAnswerAt1MrrAbstentionAndFalseAnswers_FromOutcomes()
    {
        var report = new GoldenReport(
        [
            Outcome([A], answered: true, A, B),          // right first: RR 1
            Outcome([A], answered: true, B, A),          // wrong lead, expected second: RR 1/2, false answer
            Outcome([A, C], answered: false, B, C),       // declined, expected second: RR 1/2
            Outcome([A], answered: false),                // nothing found: RR 0
            Outcome([], answered: false, B),              // unanswerable, declined
            Outcome([], answered: true, B),               // unanswerable, answered: false answer
        ]);

        Assert.Equal(4, report.Answerable);
        Assert.Equal(2, report.Unanswerable);
        Assert.Equal(0.25, report.AnswerAt1, 9);
        Assert.Equal((1 + 0.5 + 0.5 + 0) / 4, report.MrrAt10, 9);
        Assert.Equal(0.5, report.Abstention, 9);
        Assert.Equal(2, report.FalseAnswers);
    }

    [Fact]
    public void Report_CountsAbstentionAsPerfectAndAnswerAt1AsZero_WhenThereAreNoQuestionsOfThatKind()
    {
        var report = new GoldenReport([]);

        Assert.Equal(0, report.AnswerAt1);
        Assert.Equal(0, report.MrrAt10);
        Assert.Equal(1, report.Abstention);
        Assert.Equal(0, report.FalseAnswers);
    }

    [Fact]
    public void Evaluate_ScoresEachQuestion_OnTheSampleCollection()
    {
        using var knowledge = new TestKnowledge();
        SampleArticles.WriteAll(knowledge);
        var questions = new List<GoldenQuestion>
        {
            new("phi", "Is Phi-2 licensed for commercial use?", [SampleArticles.PhiMitUrl]),
            new("stale", "Is Phi-2 licensed for commercial use?", [SampleArticles.PhiReleaseUrl]),
            new("gpt5", "When was GPT-5 released?", []),
        };

        var report = GoldenEvaluator.Evaluate(knowledge.OpenSynced(), questions);

        Assert.Equal([true, false, false], report.Outcomes.Select(o => o.AnsweredCorrectly));
        Assert.Equal([SampleArticles.PhiMitUrl, SampleArticles.PhiMitUrl, null], report.Outcomes.Select(o => o.Lead));
        Assert.Equal(SampleArticles.PhiReleaseUrl, report.Outcomes[1].Ranked[1]);
        Assert.Equal(0.5, report.Outcomes[1].ReciprocalRank, 9);
        Assert.Equal(0.5, report.AnswerAt1, 9);
        Assert.Equal(1, report.Abstention, 9);
        Assert.Equal(1, report.FalseAnswers);
    }
}
