using System.Text.Json;

namespace NewsBot.Tests.Cli;

public sealed class DigestCommandTests : IDisposable
{
    private readonly TestKnowledge _knowledge = new();

    [Fact]
    public void Digest_PrintsTheArticlesFirstSeenToday_AsText()
    {
        var result = CliRunner.Run(_knowledge.Args("digest"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("AI news digest: 3 new articles since 25 Nov 2026", result.Output);
        Assert.Contains($"[Microsoft moves Phi-2 to the MIT licence]({TestKnowledge.PhiMitUrl}) (Example News · 6 Jan 2024)", result.Output);
        Assert.True(result.Output.IndexOf(TestKnowledge.PhiMitUrl, StringComparison.Ordinal) < result.Output.IndexOf(TestKnowledge.LlamaUrl, StringComparison.Ordinal));
    }

    [Fact]
    public void Digest_PrintsJson()
    {
        var result = CliRunner.Run(_knowledge.Args("digest", "--days", "2", "--json"));

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(3, json.RootElement.GetProperty("total").GetInt32());
        Assert.Equal("2026-11-24T09:00:00+00:00", json.RootElement.GetProperty("windowStart").GetString());
        var items = json.RootElement.GetProperty("groups")[0].GetProperty("items");
        Assert.Equal(TestKnowledge.PhiMitUrl, items[0].GetProperty("url").GetString());
    }

    [Fact]
    public void Digest_Refuses_WhenSinceIsInTheFuture()
    {
        var result = CliRunner.Run(_knowledge.Args("digest", "--since", "2026-11-27"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("in the future", result.Error);
    }

    [Theory]
    [InlineData("--since", "yesterday")]
    [InlineData("--days", "0")]
    public void Digest_RejectsBadWindows(string option, string value)
    {
        var result = CliRunner.Run(_knowledge.Args("digest", option, value));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(option, result.Error);
    }

    [Fact]
    public void Digest_RejectsSinceAndDaysTogether()
    {
        var result = CliRunner.Run(_knowledge.Args("digest", "--since", "2026-11-20", "--days", "3"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not both", result.Error);
    }

    public void Dispose() => _knowledge.Dispose();
}
