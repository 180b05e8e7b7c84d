using System.Globalization;
using NewsBot.Knowledge.Evaluation;
using NewsBot.Knowledge.Tests.Support;

namespace NewsBot.Knowledge.Tests.Semantic;

/// <summary>Semantic ranking on the curated collection: the golden floors, and the held-out questions in people's own words.</summary>
public sealed class SemanticGoldenTests(SemanticCuratedKnowledgeFixture semantic, CuratedKnowledgeFixture keywords)
    : IClassFixture<SemanticCuratedKnowledgeFixture>, IClassFixture<CuratedKnowledgeFixture>
{
    [Fact]
    public void GoldenQuestions_MeetTheSemanticFloors_AndNeverFallBelowBm25()
    {
        var questions = GoldenQuestion.Load(RepositoryPaths.GoldenQuestions);

        var hybrid = GoldenEvaluator.Evaluate(semantic.Knowledge, questions);
        var bm25 = GoldenEvaluator.Evaluate(keywords.Knowledge, questions);

        var summary = Summary(hybrid, bm25);
        Assert.True(semantic.Knowledge.Stats.Vectors!.Complete, summary);
        // Issue 11 asks for abstention 0.90. Two near misses the passages discuss without answering (whether Microsoft's
        // board seat votes, the date Azure exclusivity ended) still get through (docs/answer-engine.md); the compute
        // threshold of Executive Order 14110 is declined since the thirteenth stop, as no number stands beside it.
        Assert.True(hybrid.AnswerAt1 >= 0.93 && hybrid.Abstention >= 0.90, summary);
        // Semantic ranking ranks no worse than BM25 and declines no less; its answers may trail by one decision (as
        // they did after the 7 December refits, when the semantic decider declined "how much does grok cost" at 0.53).
        Assert.True(hybrid.MrrAt10 >= bm25.MrrAt10 && hybrid.Abstention >= bm25.Abstention, summary);
        Assert.True(hybrid.AnswerAt1 >= bm25.AnswerAt1 - (1.0 / hybrid.Answerable) - 1e-9, summary);
    }

    [Fact]
    public void QuestionsInOtherWords_RankTheRightArticleHigherThanBm25Does()
    {
        var questions = GoldenQuestion.Load(RepositoryPaths.ParaphraseQuestions);

        var hybrid = GoldenEvaluator.Evaluate(semantic.Knowledge, questions);
        var bm25 = GoldenEvaluator.Evaluate(keywords.Knowledge, questions);

        var summary = Summary(hybrid, bm25);
        Assert.True(hybrid.MrrAt10 >= 0.90 && hybrid.MrrAt10 > bm25.MrrAt10, summary);
        Assert.True(hybrid.AnswerAt1 > bm25.AnswerAt1, summary);
        Assert.True(hybrid.Abstention >= 0.65, summary);
    }

    [Theory]
    [InlineData("can companies ship products with Llama 2?")]
    [InlineData("Is Phi-2 licensed for commercial use?")]
    public void SemanticRanking_AnswersTheQuestionsBm25Answers_WithTheSameLead(string question)
    {
        var bm25 = keywords.Knowledge.Ask(question);
        var hybrid = semantic.Knowledge.Ask(question);

        Assert.True(bm25.Answered, "BM25 answers it");
        Assert.True(hybrid.Answered, $"semantic ranking declines it (confidence {hybrid.Confidence})");
        Assert.Equal(bm25.Results[0].Article.Url, hybrid.Results[0].Article.Url);
    }

    [Fact]
    public void SeedQuestion_LeadsWithTheMitArticle_AndMarksTheResearchOnlyOneOlder_WithSemanticRankingOnAndOff()
    {
        const string mit = "https://github.com/ollama/ollama/issues/1824";
        foreach (var knowledge in new[] { semantic.Knowledge, keywords.Knowledge })
        {
            var answer = knowledge.Ask("Is Phi-2 licensed for commercial use?");

            Assert.True(answer.Answered);
            Assert.Equal(mit, answer.Results[0].Article.Url.AbsoluteUri);
            Assert.Contains(answer.Results, r => r.IsOlder && r.Article.Title.Contains("research", StringComparison.OrdinalIgnoreCase));
        }
    }

    private static string Summary(GoldenReport hybrid, GoldenReport bm25) => string.Create(
        CultureInfo.InvariantCulture,
        $"semantic: answer@1 {hybrid.AnswerAt1:F3}, MRR {hybrid.MrrAt10:F3}, abstention {hybrid.Abstention:F3}, false {hybrid.FalseAnswers}; BM25: answer@1 {bm25.AnswerAt1:F3}, MRR {bm25.MrrAt10:F3}, abstention {bm25.Abstention:F3}, false {bm25.FalseAnswers}");
}
