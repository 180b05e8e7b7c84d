using NewsBot.Knowledge.Tests.Support;

namespace NewsBot.Knowledge.Tests.Answers;

/// <summary>
/// Questions that describe what they ask about instead of naming it ("the company that makes quill") need two
/// searches: one finds what the description points to, in one article, the other its fact, in another. The question
/// as typed matches neither article well and is declined; its other readings (the description's name put in its place,
/// or the description left out) are answered as any question is, by the same model and threshold.
/// </summary>
public sealed class ClauseReadingsTests : IDisposable
{
    private readonly TestKnowledge _knowledge = new();
    private readonly KnowledgeBase _kb;

    public ClauseReadingsTests()
    {
        _knowledge.Write("2024/quill-release.md", """
            ---
            title: "Zephyr Labs releases Quill, a small model for phones"
            url: https://example.org/quill-release
            published: 2024-05-03
            tags: [models]
            ---
            Zephyr Labs released Quill, a small language model that runs on phones, on 3 May 2024.

            Quill has 3 billion parameters and was trained on 2 trillion tokens of web text and code.

            ## Availability

            Quill can be downloaded from the Zephyr Labs website under a research licence.
            """);
        _knowledge.Write("2024/zephyr-funding.md", """
            ---
            title: "Zephyr Labs raises $200 million in a Series B"
            url: https://example.org/zephyr-funding
            published: 2024-06-10
            tags: [funding]
            ---
            Zephyr Labs raised $200 million in a Series B funding round on 10 June 2024, valuing the start-up at $1.5 billion.

            ## Investors

            The Zephyr Labs round was led by Harbor Ventures, with Northwind Capital and Alder Partners also taking part.
            """);
        _knowledge.Write("2024/orbit-funding.md", """
            ---
            title: "Orbit AI raises $50 million for its coding assistant"
            url: https://example.org/orbit-funding
            published: 2024-04-02
            tags: [funding]
            ---
            Orbit AI raised $50 million on 2 April 2024 to grow its coding assistant, which writes and reviews code.

            ## Investors

            Summit Capital led the Orbit AI round.

            ## Pricing

            The premium plan of the coding assistant costs $20 a month per developer.
            """);
        _knowledge.Write("2024/lumen-chatbot.md", """
            ---
            title: "Lumen renames its chatbot Beacon"
            url: https://example.org/lumen-chatbot
            published: 2024-02-08
            tags: [chatbots]
            ---
            Lumen renamed its chatbot Helper to Beacon on 8 February 2024.

            Beacon runs on Lumen's own Ray 2 model, which replaced the older Ray 1.
            """);
        _kb = _knowledge.OpenSynced();
    }

    [Fact]
    public void Ask_AnswersAQuestionAboutWhatADescriptionPointsTo_FromTheArticleOfItsFact()
    {
        var answer = _kb.Ask("who led the funding round for the company that makes quill");

        Assert.True(answer.Answered, $"declined at {answer.Confidence}");
        Assert.Equal("https://example.org/zephyr-funding", answer.Results[0].Article.Url.ToString());
        Assert.Contains("Harbor Ventures", answer.Results[0].Passage, StringComparison.Ordinal);
        Assert.Equal("who led the funding round for the company that makes quill", answer.Question);
    }

    [Fact]
    public void Ask_ReadsADashedDescription_AsTheThingTheQuestionAsksAbout()
    {
        var answer = _kb.Ask("the small model for phones released in may - who led the series b of its maker");

        Assert.True(answer.Answered, $"declined at {answer.Confidence}");
        Assert.Equal("https://example.org/zephyr-funding", answer.Results[0].Article.Url.ToString());
    }

    [Fact]
    public void Ask_DeclinesAReadingThatNamesNothing_WithoutItsDescription()
    {
        // Without "the chatbot lumen renamed", "how much does the premium plan cost" is about any plan, and the coding
        // assistant's is not the chatbot's.
        var answer = _kb.Ask("the chatbot lumen renamed - how much does the premium plan cost");

        Assert.False(answer.Answered, $"answered from {(answer.Results.Count > 0 ? answer.Results[0].Article.Title : null)}");
    }

    public void Dispose()
    {
        _kb.Dispose();
        _knowledge.Dispose();
    }
}
