using NewsBot.Knowledge.Tests.Support;

namespace NewsBot.Knowledge.Tests.Answers;

/// <summary>
/// A model version typed as people type it in chat: a whole-number version for one the articles write with ".0"
/// ("gemini 2" for "Gemini 2.0"), a mistyped model word ("gemeni 2"), and the qualifier before the version ("gemini
/// pro 1.5" for "Gemini 1.5 Pro"). Each is the same model, not an unknown one.
/// </summary>
public sealed class ModelVersionSpellingTests : IDisposable
{
    private readonly TestKnowledge _knowledge = new();
    private readonly KnowledgeBase _kb;

    public ModelVersionSpellingTests()
    {
        _knowledge.Write("2024/gemini-2-0.md", """
            ---
            title: "Google releases Gemini 2.0 Flash"
            url: https://example.org/gemini-2-0
            published: 2024-12-11
            tags: [google, gemini]
            ---
            Google released Gemini 2.0 Flash as an experimental model in December 2024. Google said Gemini 2.0 Flash was about twice as fast as Gemini 1.5 Pro.

            Gemini 2.0 Flash can call tools such as Google Search and run code, and it can produce images and speech as well as text.
            """);
        _knowledge.Write("2024/gemini-1-5.md", """
            ---
            title: "Google announces Gemini 1.5 Pro with a one-million-token context"
            url: https://example.org/gemini-1-5
            published: 2024-02-15
            tags: [google, gemini]
            ---
            Google announced Gemini 1.5 Pro in February 2024 with a context window of up to 1 million tokens for some developers.

            Gemini 1.5 Pro uses a mixture-of-experts architecture, which Google said made it cheaper to serve than Gemini 1.0 Ultra.
            """);
        _knowledge.Write("2023/gemini-1-0.md", """
            ---
            title: "Google launches Gemini 1.0 in Ultra, Pro and Nano sizes"
            url: https://example.org/gemini-1-0
            published: 2023-12-06
            tags: [google, gemini]
            ---
            Google launched Gemini 1.0 on 6 December 2023 in three sizes: Ultra, Pro and Nano.

            Gemini Pro went into Bard at launch, and Gemini Nano into the Pixel 8 Pro phone.
            """);
        _kb = _knowledge.OpenSynced();
    }

    [Theory]
    [InlineData("how much faster is gemini 2 flash than 1.5 pro")]
    [InlineData("how much faster is gemeni 2 flash than 1.5 pro")]
    public void Analyse_ReadsAWholeNumberVersion_AsTheArticlesDotZero(string question)
    {
        var analysis = _kb.Analyse(question);

        Assert.Contains("gemini2.0", analysis.Names.Keys);
        Assert.DoesNotContain("gemini2", analysis.Names.Keys);
        Assert.DoesNotContain("gemeni2", analysis.Names.Keys);
    }

    [Fact]
    public void Ask_LeadsWithTheArticleOfTheVersionAsked()
    {
        var answer = _kb.Ask("what can gemini 2 flash do");

        // Whether two articles are enough to answer so vague a question is the answer model's call; which leads is not.
        Assert.Equal("https://example.org/gemini-2-0", answer.Ranking[0].Url.ToString());
        Assert.All(answer.Results, r => Assert.Equal("https://example.org/gemini-2-0", r.Article.Url.ToString()));
    }

    [Fact]
    public void Ask_SearchesAWholeNumberVersion_AsTheArticlesWriteIt()
    {
        // "1" alone is in "1 million tokens" of the Gemini 1.5 article; "1.0" only in Gemini 1.0's.
        var answer = _kb.Ask("when was gemini 1 released");

        Assert.Equal("https://example.org/gemini-1-0", answer.Ranking[0].Url.ToString());
        Assert.All(answer.Results, r => Assert.Equal("https://example.org/gemini-1-0", r.Article.Url.ToString()));
    }

    [Theory]
    [InlineData("what is the context window of gemini pro 1.5", "gemini1.5", "pro1.5")]
    [InlineData("what can gemini flash 2 do", "gemini2.0", "flash2")]
    public void Analyse_ReadsAQualifierTypedBeforeTheVersion_AsTheModelTheArticlesName(string question, string version, string typed)
    {
        var analysis = _kb.Analyse(question);

        Assert.Contains(version, analysis.Names.Keys);
        Assert.DoesNotContain(typed, analysis.Names.Keys);
    }

    [Fact]
    public void Ask_AnswersAQualifierTypedBeforeTheVersion()
    {
        var answer = _kb.Ask("what is the context window of gemini pro 1.5");

        Assert.True(answer.Answered);
        Assert.Equal("https://example.org/gemini-1-5", answer.Results[0].Article.Url.ToString());
    }

    [Fact]
    public void Analyse_KeepsAQualifiedVersionNoArticleNames()
    {
        // Neither "Flash 3" nor "Gemini 3" is in the collection: a model it does not cover, which no article answers.
        var analysis = _kb.Analyse("what can gemini flash 3 do");

        Assert.Contains("flash3", analysis.Names.Keys);
    }

    public void Dispose()
    {
        _kb.Dispose();
        _knowledge.Dispose();
    }
}
