using NewsBot.Knowledge.Tests.Support;

namespace NewsBot.Knowledge.Tests.Answers;

/// <summary>
/// Names must match across the whole article, not only in the quoted passage: an article that names a funding round's
/// company in one paragraph and its lead investor in another is about both and may answer, while one that never names
/// the asked place ("... in the EU") is about something else and never answers, however confident the decider.
/// </summary>
public sealed class ArticleNameCoverageTests : IDisposable
{
    private readonly TestKnowledge _knowledge = new();
    private readonly KnowledgeBase _kb;

    public ArticleNameCoverageTests()
    {
        _knowledge.Write("2023/startup-round.md", """
            ---
            title: "A Paris AI startup closes a large first round"
            url: https://example.org/startup-round
            published: 2023-12-10
            tags: [funding]
            ---
            The Paris startup Acme AI raised €385 million in December 2023, one of the largest first rounds for a European AI company.

            ## Investors

            The round was led by Lightspeed Venture Partners, with several other venture firms taking part.
            """);
        _knowledge.Write("2024/chip-launch.md", """
            ---
            title: "A chip maker shows its next accelerator"
            url: https://example.org/chip-launch
            published: 2024-03-18
            tags: [hardware]
            ---
            The chip maker Borealis unveiled its next accelerator in March 2024, with twice the memory of the previous one.
            """);
        _knowledge.Write("2024/writing-tools.md", """
            ---
            title: "Apple adds text tools to its phones"
            url: https://example.org/writing-tools
            published: 2024-06-10
            tags: [apple]
            ---
            The new Apple Writing Tools can proofread and summarise text.

            ## Reviews

            Reporters write that the tools are easy to use.
            """);
        _knowledge.Write("2023/safety-standards.md", """
            ---
            title: "A federal agency is told to set AI safety standards"
            url: https://example.org/safety-standards
            published: 2023-10-30
            tags: [policy]
            ---
            The order directs the National Institute of Standards and Technology to develop the safety standards for AI systems.
            """);
        // Whatever the decider's confidence: these are rules about what may answer, not about the threshold.
        var options = _knowledge.Options;
        options.MinConfidence = 0.01;
        _kb = _knowledge.Open(options);
        _kb.Sync();
    }

    [Fact]
    public void Analyse_CountsNamesHeldByDifferentPassages_AsNamedByTheArticle()
    {
        var analysis = _kb.Analyse("Did Lightspeed back Acme?");

        var lead = analysis.Articles.Single(a => a.Info.Url.AbsoluteUri == "https://example.org/startup-round");
        Assert.All(lead.Passages, p => Assert.True(p.NameCoverage < 1, $"one passage names both: {p.Text}"));
        Assert.Equal(1, lead.NameCoverage, 3);
    }

    [Fact]
    public void Analyse_CountsANameNoPassageHolds_AsMissingFromTheArticle()
    {
        var analysis = _kb.Analyse("How much did Acme raise in Seoul?");

        var lead = analysis.Articles.Single(a => a.Info.Url.AbsoluteUri == "https://example.org/startup-round");
        Assert.InRange(lead.NameCoverage, 0.01, 0.99);
    }

    [Fact]
    public void Ask_Declines_WhenTheArticleNamesNowhereANameTheQuestionAsksAbout()
    {
        // Borealis is a name the collection knows (the chip maker), but the article about Acme's round never names it.
        var answer = _kb.Ask("How much did Acme raise from Borealis?");

        Assert.False(answer.Answered, $"answered from {string.Join(" / ", answer.Results.Select(r => r.Passage))}");
        Assert.Contains(answer.Closest, c => c.Url.AbsoluteUri == "https://example.org/startup-round");
    }

    [Fact]
    public void Ask_Answers_WhenTheArticleNamesEveryAskedNameInDifferentParagraphs()
    {
        var answer = _kb.Ask("Did Lightspeed back Acme?");

        Assert.True(answer.Answered, $"declined at {answer.Confidence:F2}");
        Assert.Equal("https://example.org/startup-round", answer.Results[0].Article.Url.AbsoluteUri);
    }

    [Fact]
    public void Ask_Answers_WhenOnlyABareNumberOfTheQuestionIsMissing()
    {
        // "7" is part of a version ("Borealis 7"), which the model-version rule weighs; it is no name of its own.
        var answer = _kb.Ask("What did Borealis unveil in March 2024 at 7?");

        Assert.True(answer.Answered, $"declined at {answer.Confidence:F2}");
    }

    [Fact]
    public void Ask_Answers_WhenTheMissingWordIsOnlySometimesAName()
    {
        // "write" is part of a product name ("Writing Tools") in some passages and a verb in others: the article about
        // the standards does not say "write", but the question is still about it.
        var answer = _kb.Ask("Which agency writes the safety standards?");

        Assert.True(answer.Answered, $"declined at {answer.Confidence:F2}");
        Assert.Equal("https://example.org/safety-standards", answer.Results[0].Article.Url.AbsoluteUri);
    }

    public void Dispose()
    {
        _kb.Dispose();
        _knowledge.Dispose();
    }
}
