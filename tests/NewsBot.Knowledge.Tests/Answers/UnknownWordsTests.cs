using NewsBot.Knowledge.Tests.Support;

namespace NewsBot.Knowledge.Tests.Answers;

/// <summary>
/// A question whose words the collection lacks for more than a third asks about something else, however well its
/// other words match: it is declined with the closest titles, with semantic ranking on or off.
/// </summary>
public sealed class UnknownWordsTests(CuratedKnowledgeFixture keywords, SemanticCuratedKnowledgeFixture semantic)
    : IClassFixture<CuratedKnowledgeFixture>, IClassFixture<SemanticCuratedKnowledgeFixture>
{
    [Theory]
    [InlineData("What's the weather in Paris today?", false)]
    [InlineData("What's the weather in Paris today?", true)]
    [InlineData("how's the weather in memphis", false)]
    [InlineData("how's the weather in memphis", true)]
    public void Ask_Declines_AQuestionMostOfWhoseWordsTheCollectionLacks(string question, bool withVectors)
    {
        // Before, with BM25 alone: the weather in Paris was answered at 0.62 from the Bard launch ("Google's AI event
        // in Paris"), the weather in Memphis at 0.63 from xAI's supercomputer there. "weather" is in no article.
        var answer = (withVectors ? semantic.Knowledge : keywords.Knowledge).Ask(question);

        Assert.False(answer.Answered, $"answered with {string.Join(", ", answer.Results.Select(r => r.Article.Id))} at {answer.Confidence}");
        Assert.NotEmpty(answer.Closest);
    }

    [Theory]
    [InlineData("what happend to duet ai")]
    [InlineData("who fabs the blackwell chips")]
    public void Ask_StillWeighs_AQuestionWithAFewWordsTheCollectionLacks(string question)
    {
        // One word in three unknown ("happend" is too short to be corrected, "fabs" is chat): still a question about
        // the collection, left to the answer model.
        var analysis = keywords.Knowledge.Analyse(question);

        Assert.True(analysis.UnknownWordShare is > 0 and <= 1.0 / 3, $"{analysis.UnknownWordShare}");
        Assert.False(analysis.MostlyUnknown);
    }
}
