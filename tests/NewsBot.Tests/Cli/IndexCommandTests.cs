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

    [Fact]
    public void Index_WithSemanticRanking_EmbedsEveryPassage_AndReportsTheVectors()
    {
        var first = CliRunner.Run(_knowledge.Args("index", "--semantic", "on"));
        var second = CliRunner.Run(_knowledge.Args("index", "--semantic", "on"));

        Assert.Equal(0, first.ExitCode);
        var passages = System.Text.RegularExpressions.Regex.Match(first.Output, @"(\d+) passages in").Groups[1].Value;
        Assert.Contains($"vectors: {passages} of {passages} passages ready (all-MiniLM-L6-v2)", first.Output);
        Assert.Contains("note: embedding", first.Error);
        Assert.DoesNotContain("note: embedding", second.Error);
        Assert.Contains($"vectors: {passages} of {passages} passages ready", second.Output);
    }

    [Fact]
    public void Index_WithSemanticOff_SaysSo()
    {
        var result = CliRunner.Run(_knowledge.Args("index", "--semantic", "off"));

        Assert.Contains("vectors: semantic ranking off", result.Output);
        Assert.False(Directory.Exists(Path.Combine(_knowledge.DataPath, "vectors")));
    }

    [Fact]
    public void Semantic_TakesOnlyOnOrOff()
    {
        var result = CliRunner.Run(_knowledge.Args("index", "--semantic", "maybe"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("maybe", result.Error);
    }

    public void Dispose() => _knowledge.Dispose();
}
