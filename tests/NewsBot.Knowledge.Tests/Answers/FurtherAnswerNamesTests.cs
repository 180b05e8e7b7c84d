using NewsBot.Knowledge.Tests.Support;

namespace NewsBot.Knowledge.Tests.Answers;

/// <summary>
/// An article shown besides the lead ("older coverage", "more") names what the question and the lead name: "What is
/// Claude Code?" is not answered again by an article on a Claude model's coding benchmark, which holds "Claude" and
/// "code" only apart.
/// </summary>
public sealed class FurtherAnswerNamesTests : IDisposable
{
    private const string ClaudeCodeUrl = "https://example.org/claude-code";
    private const string BenchmarkUrl = "https://example.org/claude-coding-benchmark";

    private readonly TestKnowledge _knowledge = new();
    private readonly KnowledgeBase _kb;

    public FurtherAnswerNamesTests()
    {
        _knowledge.Write("2025/claude-code.md", $$"""
            ---
            title: "Anthropic previews Claude Code"
            url: {{ClaudeCodeUrl}}
            published: 2025-02-24
            tags: [anthropic, claude, coding]
            ---
            Anthropic launched Claude Code as a limited research preview. Claude Code is an agentic coding tool that developers run from the command line in their terminal.
            """);
        _knowledge.Write("2024/claude-coding-benchmark.md", $$"""
            ---
            title: "Anthropic's new Claude model tops a coding benchmark"
            url: {{BenchmarkUrl}}
            published: 2024-06-20
            tags: [anthropic, claude, coding]
            ---
            Anthropic reported that its new Claude model scored 92% on the HumanEval code benchmark, ahead of earlier Claude models on code.
            """);
        _kb = _knowledge.OpenSynced();
    }

    [Fact]
    public void Ask_DoesNotShowAnArticleHoldingTheNamesWordsApart_AsAnotherAnswer()
    {
        var answer = _kb.Ask("What is Claude Code?");

        Assert.True(answer.Answered);
        Assert.Equal(ClaudeCodeUrl, answer.Results[0].Article.Url.AbsoluteUri);
        Assert.DoesNotContain(answer.Results, r => r.Article.Url.AbsoluteUri == BenchmarkUrl);
    }

    public void Dispose()
    {
        _kb.Dispose();
        _knowledge.Dispose();
    }
}
