using NewsBot.Knowledge.Tests.Support;

namespace NewsBot.Knowledge.Tests.Answers;

/// <summary>
/// "Series A" and "Series B" are different rounds, as Gemma 2 is another model than Gemma: a question about a round
/// the collection never covered is declined with the closest titles, not answered from the round it did cover.
/// </summary>
public sealed class LetteredNameTests : IDisposable
{
    private readonly TestKnowledge _knowledge = new();
    private readonly KnowledgeBase _kb;

    public LetteredNameTests()
    {
        _knowledge.Write("2024/xai-series-b.md", """
            ---
            title: "xAI raises $6 billion in a Series B"
            url: https://example.org/xai-series-b
            published: 2024-05-26
            tags: [xai, funding]
            ---
            Elon Musk's AI company xAI raised $6 billion in a Series B funding round in May 2024.

            The xAI Series B valued the company at $24 billion, and investors included Andreessen Horowitz and Sequoia Capital.

            xAI followed the Series B with a $6 billion Series C round in December 2024. The Series C was reported to value xAI at about $45 billion.
            """);
        _knowledge.Write("2023/mistral-series-a.md", """
            ---
            title: "Mistral AI raises €385 million in a Series A"
            url: https://example.org/mistral-series-a
            published: 2023-12-10
            tags: [mistral, funding]
            ---
            The Paris start-up Mistral AI raised €385 million in a Series A funding round in December 2023, led by Andreessen Horowitz.

            Before the Series A, Mistral AI had raised a €105 million seed round in June 2023.
            """);
        _kb = _knowledge.OpenSynced();
    }

    [Theory]
    [InlineData("how much did xai raise in its series a")]
    [InlineData("what was xAI's Series A valuation?")]
    [InlineData("how much was mistral's series b")]
    public void Ask_DeclinesARoundTheCollectionDoesNotCover(string question)
    {
        var answer = _kb.Ask(question);

        Assert.False(answer.Answered);
    }

    [Theory]
    [InlineData("what was xai valued at in the series b", "https://example.org/xai-series-b", "$24 billion")]
    [InlineData("how much did mistral raise in its series a", "https://example.org/mistral-series-a", "€385 million")]
    [InlineData("how much did xai raise in the series c round", "https://example.org/xai-series-b", "Series C")]
    public void Ask_AnswersTheRoundAskedAbout(string question, string url, string quoted)
    {
        var answer = _kb.Ask(question);

        Assert.True(answer.Answered);
        Assert.Equal(url, answer.Results[0].Article.Url.ToString());
        Assert.Contains(quoted, answer.Results[0].Passage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what was xai valued at in the series b", "$24 billion")]
    [InlineData("what was xai valued at in the series c", "$45 billion")]
    public void Ask_HighlightsTheSentenceAboutTheRoundAsked(string question, string highlighted)
    {
        // The Series C paragraph names the Series B too, and states a valuation: of the Series C, not the one asked.
        var answer = _kb.Ask(question);

        Assert.True(answer.Answered);
        Assert.Contains(highlighted, answer.Results[0].Highlight, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_ReadsALoneArticleAsAWordWhereNoPassageWritesALetterAfterIt()
    {
        // "is there a" is no lettered name: no passage writes "there" before a capital letter.
        var answer = _kb.Ask("is there a seed round before mistral's series a");

        Assert.True(answer.Answered);
        Assert.Equal("https://example.org/mistral-series-a", answer.Results[0].Article.Url.ToString());
    }

    public void Dispose()
    {
        _kb.Dispose();
        _knowledge.Dispose();
    }
}
