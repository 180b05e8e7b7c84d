using NewsBot.Knowledge.Tests.Support;

namespace NewsBot.Knowledge.Tests.Answers;

/// <summary>
/// "gemma 1" as people type it for a family's first model, which articles name without a number ("Gemma") because
/// there was no second yet: it is that model, not a version no article names (which the model-version rule declines).
/// A version the articles do write with 1 ("Grok-1") stays a version.
/// </summary>
public sealed class FirstOfFamilyTests : IDisposable
{
    private readonly TestKnowledge _knowledge = new();
    private readonly KnowledgeBase _kb;

    public FirstOfFamilyTests()
    {
        _knowledge.Write("2024/gemma.md", """
            ---
            title: "Google releases Gemma, its first open-weight models"
            url: https://example.org/gemma
            published: 2024-02-21
            tags: [google, gemma]
            ---
            Google released Gemma on 21 February 2024. Gemma comes in two sizes, Gemma 2B and Gemma 7B, with 2 billion and 7 billion parameters.

            Google distributes Gemma through Hugging Face, Kaggle and Vertex AI, under its own Gemma Terms of Use.
            """);
        _knowledge.Write("2024/gemma-2.md", """
            ---
            title: "Google releases Gemma 2 in 9B and 27B sizes"
            url: https://example.org/gemma-2
            published: 2024-06-27
            tags: [google, gemma]
            ---
            Google released Gemma 2 on 27 June 2024. Gemma 2 comes in 9 billion and 27 billion parameter sizes.

            Gemma 2 27B was trained on 13 trillion tokens, and Google said it rivals models more than twice its size.
            """);
        _knowledge.Write("2024/grok-1.md", """
            ---
            title: "xAI releases the weights of Grok-1"
            url: https://example.org/grok-1
            published: 2024-03-17
            tags: [xai, grok]
            ---
            xAI released the weights and architecture of Grok-1 on 17 March 2024 under the Apache 2.0 licence.

            Grok-1 is a mixture-of-experts model with 314 billion parameters.
            """);
        _kb = _knowledge.OpenSynced();
    }

    [Fact]
    public void Ask_ReadsVersionOneOfAFamilyWrittenWithoutIt_AsTheFirstModel()
    {
        var answer = _kb.Ask("what sizes did gemma 1 come in");

        Assert.True(answer.Answered);
        Assert.Equal("https://example.org/gemma", answer.Results[0].Article.Url.ToString());
        Assert.Contains("Gemma 2B and Gemma 7B", answer.Results[0].Passage, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyse_DropsTheOneAsWellAsTheJoinedVersion()
    {
        var analysis = _kb.Analyse("what sizes did gemma 1 come in");

        Assert.Contains("gemma", analysis.Names.Keys);
        Assert.DoesNotContain("gemma1", analysis.Weights.Keys);
        Assert.DoesNotContain("1", analysis.Weights.Keys);
    }

    [Theory]
    [InlineData("what sizes does gemma 2 come in", "gemma2")]
    [InlineData("how many parameters does grok 1 have", "grok1")]
    public void Analyse_KeepsVersionsTheArticlesWrite(string question, string version)
    {
        var analysis = _kb.Analyse(question);

        Assert.Contains(version, analysis.Names.Keys);
    }

    public void Dispose()
    {
        _kb.Dispose();
        _knowledge.Dispose();
    }
}
