using Microsoft.Extensions.Time.Testing;
using NewsBot.Cli;
using NewsBot.Knowledge;

namespace NewsBot.Tests.Cli;

/// <summary>
/// The command line run while the bot holds the index (same data folder) answers from the bot's last sync and never
/// writes to the index: two writers would commit over each other, and one's clean-up can delete the other's commit,
/// leaving an index that no process can open. Lucene.Net's own write lock does not keep a second process out on Linux,
/// so these run the CLI as a real second process.
/// </summary>
public sealed class SecondProcessTests : IDisposable
{
    private static readonly Dictionary<string, string> NoEnvironment = [];
    private readonly TestKnowledge _knowledge = new();

    [Fact]
    public async Task Index_RefusesToWrite_WhileAnotherProcessHoldsTheIndex()
    {
        using var bot = OpenAndSync();
        var commits = Commits();

        var result = await CliProcess.RunAsync(NoEnvironment, [.. _knowledge.Args("index"), "--semantic", "off"]);

        Assert.Equal(ExitCodes.Findings, result.ExitCode);
        Assert.Contains("another NewsBot process holds the index", result.Error, StringComparison.Ordinal);
        Assert.Equal(commits, Commits());
    }

    [Fact]
    public async Task Ask_AnswersFromTheHoldersLastSync_WithoutCommitting()
    {
        using (var bot = OpenAndSync())
        {
            var commits = Commits();

            var result = await CliProcess.RunAsync(NoEnvironment, [.. _knowledge.Args("ask", "Is Phi-2 licensed for commercial use?"), "--semantic", "off"]);

            Assert.Equal(0, result.ExitCode);
            Assert.Contains("another NewsBot process holds the index", result.Error, StringComparison.Ordinal);
            Assert.Contains("MIT", result.Output, StringComparison.Ordinal);
            Assert.Equal(commits, Commits());
        }

        using var reopened = OpenAndSync();
        Assert.True(reopened.Ask("Is Phi-2 licensed for commercial use?").Answered);
    }

    private KnowledgeBase OpenAndSync()
    {
        var knowledge = KnowledgeBase.Open(new KnowledgeOptions { Path = _knowledge.KnowledgePath, DataPath = _knowledge.DataPath, Semantic = false }, new FakeTimeProvider());
        Assert.False(knowledge.IsReadOnly);
        knowledge.Sync(TestContext.Current.CancellationToken);
        return knowledge;
    }

    /// <summary>The index's commit points (segments_N files): a commit by another process adds or replaces one.</summary>
    private string[] Commits() =>
        [.. Directory.GetFiles(Path.Combine(_knowledge.DataPath, "index"), "segments_*").Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    public void Dispose() => _knowledge.Dispose();
}
