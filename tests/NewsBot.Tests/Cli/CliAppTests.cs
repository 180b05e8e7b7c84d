namespace NewsBot.Tests.Cli;

public sealed class CliAppTests
{
    [Theory]
    [InlineData(new[] { "eval", "q.jsonl" }, true)]
    [InlineData(new[] { "--semantic", "off", "eval", "q.jsonl" }, true)]
    [InlineData(new[] { "--knowledge", "k", "--data=d", "ask", "hi" }, true)]
    [InlineData(new[] { "--help" }, true)]
    [InlineData(new string[0], false)]
    [InlineData(new[] { "--urls", "http://127.0.0.1:5000" }, false)]
    [InlineData(new[] { "--semantic", "off" }, false)]
    public void IsCommand_LooksPastGlobalOptions(string[] args, bool expected)
    {
        Assert.Equal(expected, NewsBot.Cli.CliApp.IsCommand(args));
    }

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
