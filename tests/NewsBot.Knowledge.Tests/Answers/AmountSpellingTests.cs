using NewsBot.Knowledge.Tests.Support;

namespace NewsBot.Knowledge.Tests.Answers;

/// <summary>An amount typed as chat types it ("per 1k tokens") is the amount the articles write out ("per 1,000 tokens").</summary>
public sealed class AmountSpellingTests : IDisposable
{
    private readonly TestKnowledge _knowledge = new();
    private readonly KnowledgeBase _kb;

    public AmountSpellingTests()
    {
        _knowledge.Write("2023/turbo-prices.md", """
            ---
            title: "OpenAI cuts GPT-4 Turbo prices"
            url: https://example.org/turbo-prices
            published: 2023-11-06
            tags: [openai, pricing]
            ---
            GPT-4 Turbo costs $0.01 per 1,000 input tokens and $0.03 per 1,000 output tokens.

            The 8K model remains available for developers who need it.
            """);
        _kb = _knowledge.OpenSynced();
    }

    [Fact]
    public void Analyse_ReadsThousandsWithK_AsTheArticlesWriteThem()
    {
        var analysis = _kb.Analyse("how much does gpt-4 turbo cost per 1k tokens");

        Assert.Contains("1,000", analysis.Weights.Keys);
        Assert.DoesNotContain("1k", analysis.Weights.Keys);
        Assert.DoesNotContain("1k", analysis.Names.Keys);
    }

    [Fact]
    public void Analyse_KeepsThousandsWithK_WhereTheArticlesWriteThemSo()
    {
        Assert.Contains("8k", _kb.Analyse("is the 8k model still sold").Weights.Keys);
    }

    public void Dispose()
    {
        _kb.Dispose();
        _knowledge.Dispose();
    }
}
