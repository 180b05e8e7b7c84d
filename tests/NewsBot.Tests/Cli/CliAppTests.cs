namespace NewsBot.Tests.Cli;

public sealed class CliAppTests
{
    [Fact]
    public void Run_PrintsUsage_WhenGivenNoCommand()
    {
        var result = CliRunner.Run();

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("ask \"<question>\"", result.Output);
    }

    [Fact]
    public void Run_ExitsWithUsageError_WhenCommandIsUnknown()
    {
        var result = CliRunner.Run("frobnicate");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("error:", result.Error);
        Assert.Contains("--help", result.Error);
    }

    [Fact]
    public void Help_ListsEveryCommand()
    {
        var result = CliRunner.Run("--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var command in new[] { "ask", "lint", "index", "eval" })
        {
            Assert.Contains(command, result.Output);
        }
    }
}
