namespace NewsBot.Tests.Cli;

public sealed class LintCommandTests : IDisposable
{
    private readonly TestKnowledge _knowledge = new();

    [Fact]
    public void Lint_ExitsZero_WhenEveryArticleIsValid()
    {
        var result = CliRunner.Run(_knowledge.Args("lint"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("3 file(s) checked: 0 error(s)", result.Output);
    }

    [Fact]
    public void Lint_ReportsPathLineAndMessage_AndExitsOne_WhenAnArticleIsBroken()
    {
        _knowledge.Write("2024/broken.md", "---\ntitle: \"Broken\"\nurl: not-a-url\npublished: 2024-02-30\n---\nBody text.\n");

        var result = CliRunner.Run(_knowledge.Args("lint"));

        Assert.Equal(1, result.ExitCode);
        var path = Path.Combine(_knowledge.KnowledgePath, "2024", "broken.md");
        Assert.Contains($"{path}:3: error: url 'not-a-url' is not an absolute http(s) address", result.Output);
        Assert.Contains($"{path}:4: error: published '2024-02-30' is not a date", result.Output);
    }

    [Fact]
    public void Lint_ReportsDuplicateUrl_OnTheSecondFile()
    {
        _knowledge.Write("2024/zz-copy.md", TestKnowledge.Article("A copy", TestKnowledge.LlamaUrl, "2024-01-01", "Same url as the Llama 2 article."));

        var result = CliRunner.Run(_knowledge.Args("lint"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("zz-copy.md:3: error: duplicate url https://example.org/llama-2", result.Output);
    }

    public void Dispose() => _knowledge.Dispose();
}
