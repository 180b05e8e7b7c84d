using NewsBot.Cli;

namespace NewsBot.Tests.Cli;

public sealed class UnknownCommandTests
{
    [Theory]
    [InlineData(new[] { "lnt" }, "lnt")]
    [InlineData(new[] { "--semantic", "off", "idnex" }, "idnex")]
    [InlineData(new[] { "--urls", "http://localhost:5000", "serve" }, "serve")]
    [InlineData(new string[0], null)]
    [InlineData(new[] { "--urls", "http://localhost:5000" }, null)]
    [InlineData(new[] { "--Knowledge:Path=k", "urls=http://localhost:5000" }, null)]
    [InlineData(new[] { "--LocalChat:Enabled", "false" }, null)]
    public void Find_NamesTheFirstWordThatIsNotASetting(string[] args, string? expected)
    {
        Assert.Equal(expected, UnknownCommand.Find(args));
    }

    [Fact]
    public void Report_ExitsWithUsageError_AndOneLine()
    {
        using var error = new StringWriter();

        var exitCode = UnknownCommand.Report("lnt", error);

        Assert.Equal(2, exitCode);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("unknown command 'lnt'", line, StringComparison.Ordinal);
    }
}
