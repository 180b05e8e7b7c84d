using NewsBot.Hosting;
using NewsBot.Tests.LocalChat;

namespace NewsBot.Tests.Hosting;

/// <summary>Starts that cannot work end with one line and exit code 1, not an unhandled exception (SIGABRT).</summary>
public sealed class NewsBotHostTests
{
    [Fact]
    public async Task LocalMode_RefusesToListenBeyondLoopback()
    {
        using var knowledge = new TestKnowledge();
        using var error = new StringWriter();

        // 192.0.2.1 (TEST-NET) is not on this machine: even a regression could not listen on it.
        var exitCode = await NewsBotHost.RunAsync(["--urls", "http://192.0.2.1:0", "--knowledge", knowledge.KnowledgePath, "--data", knowledge.DataPath, "--Knowledge:Semantic", "false"], error);

        Assert.Equal(1, exitCode);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: local mode (no MicrosoftAppId)", line, StringComparison.Ordinal);
        Assert.Contains("http://192.0.2.1:0", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BusyPort_IsOneLine_NotACrash()
    {
        var running = new LocalChatServer();
        await running.InitializeAsync();
        using var error = new StringWriter();
        int exitCode;
        try
        {
            exitCode = await NewsBotHost.RunAsync(["--urls", running.BaseAddress.GetLeftPart(UriPartial.Authority), "--knowledge", running.Knowledge.KnowledgePath, "--data", running.Knowledge.DataPath + "-second", "--Knowledge:Semantic", "false"], error);
        }
        finally
        {
            await running.DisposeAsync();
        }

        Assert.Equal(1, exitCode);
        var line = Assert.Single(error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("address already in use", line, StringComparison.Ordinal);
        Assert.Contains("--urls", line, StringComparison.Ordinal);
    }
}
