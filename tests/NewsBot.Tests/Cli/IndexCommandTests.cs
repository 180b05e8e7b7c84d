namespace NewsBot.Tests.Cli;

public sealed class IndexCommandTests : IDisposable
{
    private readonly TestKnowledge _knowledge = new();

    [Fact]
    public void Index_ReportsAddedThenUnchanged()
    {
        var first = CliRunner.Run(_knowledge.Args("index"));
        var second = CliRunner.Run(_knowledge.Args("index"));

        Assert.Equal(0, first.ExitCode);
        Assert.Contains("added 3, updated 0, removed 0, unchanged 0, skipped 0", first.Output);
        Assert.Contains("3 articles", first.Output);
        Assert.Equal(0, second.ExitCode);
        Assert.Contains("added 0, updated 0, removed 0, unchanged 3, skipped 0", second.Output);
    }

    [Fact]
    public void Index_SkipsABrokenFile_ReportsIt_AndIndexesTheRest()
    {
        _knowledge.Write("2024/broken.md", "no front matter here");

        var result = CliRunner.Run(_knowledge.Args("index"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("broken.md:1: error: no front matter", result.Error);
        Assert.Contains("added 3, updated 0, removed 0, unchanged 0, skipped 1", result.Output);
    }

    [Fact]
    public void Index_KeepsTheIndexInTheDataFolder()
    {
        CliRunner.Run(_knowledge.Args("index"));

        Assert.True(Directory.Exists(Path.Combine(_knowledge.DataPath, "index")));
    }

    public void Dispose() => _knowledge.Dispose();
}
