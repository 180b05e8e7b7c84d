using NewsBot.Knowledge.Tests.Support;

namespace NewsBot.Knowledge.Tests.Answers;

/// <summary>
/// Dates must match, as names and versions do: a question that names a year (or a month and year) is answered only
/// from a passage that names it or an article published then, and the article's passage naming it is the one quoted.
/// </summary>
public sealed class AskedDateRuleTests : IDisposable
{
    private const string InvestmentUrl = "https://example.org/microsoft-openai-2023";

    private readonly TestKnowledge _knowledge = new();
    private readonly KnowledgeBase _kb;

    public AskedDateRuleTests()
    {
        _knowledge.Write("2023/microsoft-openai.md", $$"""
            ---
            title: "Microsoft extends its OpenAI partnership with a multibillion-dollar investment"
            url: {{InvestmentUrl}}
            published: 2023-01-23
            tags: [microsoft, openai, funding]
            ---
            Microsoft announced on 23 January 2023 a new multiyear, multibillion-dollar investment in OpenAI. Reports put Microsoft's new investment at about $10 billion.

            ## Earlier deals

            The new deal was not Microsoft's first investment in OpenAI. Microsoft had invested $1 billion in OpenAI in 2019 and about $2 billion more after that.

            ## Cloud

            Azure remains the exclusive cloud provider for OpenAI, and Microsoft will deploy OpenAI's models across its consumer and enterprise products.
            """);
        _knowledge.Write("2024/nvidia-gtc.md", """
            ---
            title: "Nvidia unveils Blackwell at GTC"
            url: https://example.org/nvidia-gtc-2024
            published: 2024-03-18
            tags: [nvidia, hardware]
            ---
            Nvidia unveiled the Blackwell B200 GPU at its GTC conference on 18 March 2024. Blackwell packs 208 billion transistors.

            Cloud providers including Amazon, Google and Microsoft said they would offer Blackwell servers.
            """);
        // Whatever the decider's confidence: these are rules about what may answer, not about the threshold.
        var options = _knowledge.Options;
        options.MinConfidence = 0.05;
        _kb = _knowledge.Open(options);
        _kb.Sync();
    }

    [Fact]
    public void Ask_QuotesThePassageNamingTheAskedYear_WhenTheArticleIsFromAnotherYear()
    {
        var answer = _kb.Ask("how much had microsoft invested in openai back in 2019");

        Assert.True(answer.Answered, $"declined at {answer.Confidence:F2}");
        Assert.Equal(InvestmentUrl, answer.Results[0].Article.Url.AbsoluteUri);
        Assert.Contains("$1 billion", answer.Results[0].Passage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("what did nvidia unveil at gtc in march 2023")]
    [InlineData("how much did microsoft invest in openai in october 2021")]
    public void Ask_Declines_WhenNoPassageNamesTheAskedDate_AndNoArticleWasPublishedThen(string question)
    {
        var answer = _kb.Ask(question);

        Assert.False(answer.Answered, $"answered from {string.Join(" / ", answer.Results.Select(r => r.Passage))}");
        Assert.NotEmpty(answer.Closest);
    }

    [Fact]
    public void Ask_AnswersFromTheArticlePublishedInTheAskedMonth()
    {
        var answer = _kb.Ask("what did nvidia unveil at gtc in march 2024");

        Assert.True(answer.Answered, $"declined at {answer.Confidence:F2}");
        Assert.Contains("B200", answer.Results[0].Passage, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        _kb.Dispose();
        _knowledge.Dispose();
    }
}
