using NewsBot.Knowledge.Tests.Support;

namespace NewsBot.Knowledge.Tests.Answers;

/// <summary>
/// "sonnet 3.7" as people type it for "Claude 3.7 Sonnet": the qualifier before the version and no family name. It is
/// the model whose articles write the version followed by that word, not an unknown "Sonnet 3.7". A family the
/// articles write with versions of its own ("claude 4") stays a model they do not cover, even where a "4" happens to
/// stand before "Claude" in some sentence.
/// </summary>
public sealed class QualifierWithoutFamilyTests : IDisposable
{
    private readonly TestKnowledge _knowledge = new();
    private readonly KnowledgeBase _kb;

    public QualifierWithoutFamilyTests()
    {
        _knowledge.Write("2025/claude-3-7-sonnet.md", """
            ---
            title: "Anthropic releases Claude 3.7 Sonnet"
            url: https://example.org/claude-3-7-sonnet
            published: 2025-02-24
            tags: [anthropic, claude]
            ---
            Anthropic released Claude 3.7 Sonnet on 24 February 2025 as its first hybrid reasoning model.

            Claude 3.7 Sonnet costs $3 per million input tokens and $15 per million output tokens.
            """);
        _knowledge.Write("2024/claude-3-5-sonnet.md", """
            ---
            title: "Anthropic releases Claude 3.5 Sonnet"
            url: https://example.org/claude-3-5-sonnet
            published: 2024-06-20
            tags: [anthropic, claude]
            ---
            Anthropic released Claude 3.5 Sonnet on 20 June 2024, a mid-tier model that beat its own flagship.

            Claude 3.5 Sonnet scored 92.0% on HumanEval, ahead of OpenAI's GPT-4. Claude 3.5 Sonnet also added Artifacts.
            """);
        _kb = _knowledge.OpenSynced();
    }

    [Fact]
    public void Ask_AnswersAModelNamedByItsQualifierAndVersion()
    {
        var answer = _kb.Ask("sonnet 3.7 price");

        Assert.True(answer.Answered);
        Assert.Equal("https://example.org/claude-3-7-sonnet", answer.Results[0].Article.Url.ToString());
        Assert.Contains("$3 per million input tokens", answer.Results[0].Passage, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyse_DoesNotReadAFamilyAsAQualifier()
    {
        // "GPT-4. Claude 3.5 Sonnet" puts a "4" right before "Claude", but Claude is written with versions of its own.
        var analysis = _kb.Analyse("when was claude 4 released");

        Assert.Contains("claude4", analysis.Names.Keys);
        Assert.False(_kb.Ask("when was claude 4 released").Answered);
    }

    public void Dispose()
    {
        _kb.Dispose();
        _knowledge.Dispose();
    }
}
