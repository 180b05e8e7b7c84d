using NewsBot.Knowledge.Answers.Decision;
using NewsBot.Knowledge.Tests.Support;

namespace NewsBot.Knowledge.Tests.Answers;

/// <summary>
/// A "now" question leads with the newest article on its topic that answers it. When the newest one only mentions
/// the topic in passing and is not confident enough to answer, the article that states the fact answers, rather than
/// the whole question being declined ("whats the biggest context window on gemini now" was declined for the Gemini
/// 2.0 article, which recalls Gemini 1.5 Pro's long context in passing).
/// </summary>
public sealed class FreshnessFallbackTests : IDisposable
{
    private const string ContextUrl = "https://example.org/gemini-1-5-pro";
    private const string NewerUrl = "https://example.org/gemini-2-0";

    private readonly TestKnowledge _knowledge = new();
    private readonly KnowledgeBase _kb;

    public FreshnessFallbackTests()
    {
        _knowledge.Write("2024/gemini-1-5-pro.md", $$"""
            ---
            title: "Google announces Gemini 1.5 Pro with a long context window"
            url: {{ContextUrl}}
            published: 2024-02-15
            tags: [google, gemini, context window]
            ---
            Google announced Gemini 1.5 Pro on 15 February 2024. Gemini 1.5 Pro comes with a standard context window of 128,000 tokens.

            Google offered a context window of up to 1 million tokens to a limited group of developers in a private preview, the biggest context window of any large model at the time.
            """);
        _knowledge.Write("2024/gemini-2-0.md", $$"""
            ---
            title: "Google releases Gemini 2.0 for the agentic era"
            url: {{NewerUrl}}
            published: 2024-12-11
            tags: [google, gemini, agents]
            ---
            Google released Gemini 2.0 Flash on 11 December 2024 as an experimental model for developers, with agents such as Project Mariner that act in a web browser.

            Gemini 2.0 builds on the long-context work Google did with Gemini 1.5 Pro earlier in 2024.
            """);
        _kb = _knowledge.OpenSynced();
    }

    [Fact]
    public void Select_LetsTheBestArticleAnswer_WhenTheNewerOneOnTheTopicIsNotConfidentEnough()
    {
        const string question = "whats the biggest context window on gemini now";
        var analysis = _kb.Analyse(question);
        var shipped = _kb.ModelFor(analysis);
        var onTopic = shipped with { FreshnessMargin = 100 };

        // What the decider makes of each article as the lead: the newer one (led by the freshness rule) and the one
        // the ranker puts first (led with no freshness margin).
        var newer = AnswerSelector.Select(analysis, onTopic, minConfidence: 0).Lead!;
        var best = AnswerSelector.Select(analysis, shipped with { FreshnessMargin = 0 }, minConfidence: 0).Lead!;
        Assert.Equal(NewerUrl, newer.Article.Url.AbsoluteUri);
        Assert.Equal(ContextUrl, best.Article.Url.AbsoluteUri);
        Assert.True(best.Confidence > newer.Confidence, $"{best.Confidence:F3} against {newer.Confidence:F3}");

        var threshold = (best.Confidence + newer.Confidence) / 2;
        var selection = AnswerSelector.Select(analysis, onTopic, threshold);

        Assert.True(selection.Answered, $"declined: the lead {selection.Lead!.Article.Url} at {selection.Lead.Confidence:F3}");
        Assert.Equal(ContextUrl, selection.Lead!.Article.Url.AbsoluteUri);
    }

    [Fact]
    public void Select_LeadsWithTheNewerArticle_WhenItIsConfidentEnough()
    {
        var analysis = _kb.Analyse("whats the biggest context window on gemini now");
        var onTopic = _kb.ModelFor(analysis) with { FreshnessMargin = 100 };

        var selection = AnswerSelector.Select(analysis, onTopic, minConfidence: 0.01);

        Assert.True(selection.Answered);
        Assert.Equal(NewerUrl, selection.Lead!.Article.Url.AbsoluteUri);
    }

    public void Dispose()
    {
        _kb.Dispose();
        _knowledge.Dispose();
    }
}
