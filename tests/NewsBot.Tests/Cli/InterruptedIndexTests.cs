using System.Diagnostics;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Knowledge;

namespace NewsBot.Tests.Cli;

/// <summary>A sync killed part-way (the process dies) leaves a usable index, and the next sync completes it.</summary>
public sealed class InterruptedIndexTests : IDisposable
{
    private const int Added = 12_000;
    private readonly TestKnowledge _knowledge = new();

    [Fact]
    public async Task Index_LeavesAUsableIndexThatTheNextSyncCompletes_WhenTheProcessIsKilledMidSync()
    {
        Assert.Equal(0, CliRunner.Run(_knowledge.Args("index")).ExitCode);
        for (var i = 0; i < Added; i++)
        {
            _knowledge.Write($"bulk/{i:D5}.md", TestKnowledge.Article(
                $"Bulk story {i}", $"https://example.org/bulk/{i}", "2024-05-01",
                $"Bulk story number {i} reports on model release zeta{i} and its benchmark results across many tasks."));
        }

        using (var process = StartIndexProcess())
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);
            Assert.False(process.HasExited, "the sync finished before it could be interrupted; the test needs more articles");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        var options = new KnowledgeOptions { Path = _knowledge.KnowledgePath, DataPath = _knowledge.DataPath, Semantic = false };
        using (var afterKill = KnowledgeBase.Open(options, new FakeTimeProvider()))
        {
            Assert.False(afterKill.IsReadOnly);
            Assert.InRange(afterKill.Stats.Articles, 3, 3 + Added - 1);
            Assert.True(afterKill.Ask("Is Phi-2 licensed for commercial use?").Answered);

            var report = afterKill.Sync(TestContext.Current.CancellationToken);

            Assert.Equal(3 + Added, report.Articles);
            Assert.True(afterKill.Ask("What did bulk story 11999 report about zeta11999?").Answered);
        }
    }

    private Process StartIndexProcess()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in (string[])[Path.Combine(AppContext.BaseDirectory, "NewsBot.dll"), .. _knowledge.Args("index"), "--semantic", "off"])
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start NewsBot");
    }

    public void Dispose() => _knowledge.Dispose();
}
