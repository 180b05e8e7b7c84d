using System.Text.Json;
using NewsBot.Configuration;
using NewsBot.Storage;
using NewsBot.Tests.Storage;

namespace NewsBot.Tests.Cli;

public sealed class GapsCommandTests : IDisposable
{
    /// <summary>CliRunner's clock.</summary>
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("newsbot-gaps-");

    private string DataPath => Path.Combine(_root.FullName, "data");

    [Fact]
    public void Gaps_ListsUnansweredQuestions_MostAskedFirst()
    {
        Log(
            ("What is Sora", Now.AddDays(-6), false),
            ("what is sora ", Now.AddDays(-2), false),
            ("What is Sora", Now.AddDays(-20), false),
            ("who runs mistral", Now.AddDays(-1), false),
            ("Is Phi-2 licensed for commercial use?", Now.AddDays(-1), true),
            ("too old", Now.AddDays(-31), false));

        var result = CliRunner.Run(Args("gaps"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains("30 days", lines[0]);
        Assert.Contains("  3×  what is sora  (last asked 2026-11-24)", result.Output);
        Assert.Contains("  1×  who runs mistral  (last asked 2026-11-25)", result.Output);
        Assert.True(result.Output.IndexOf("what is sora", StringComparison.Ordinal) < result.Output.IndexOf("who runs mistral", StringComparison.Ordinal));
        Assert.DoesNotContain("Phi-2", result.Output);
        Assert.DoesNotContain("too old", result.Output);
    }

    [Fact]
    public void Gaps_LooksBackTheGivenNumberOfDays()
    {
        Log(("recent", Now.AddDays(-1), false), ("last week", Now.AddDays(-6), false));

        var result = CliRunner.Run(Args("gaps", "--days", "2"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("recent", result.Output);
        Assert.DoesNotContain("last week", result.Output);
    }

    [Fact]
    public void GapsJson_HasTheDocumentedShape()
    {
        Log(("What is Sora", Now.AddDays(-3), false), ("what is sora", Now.AddDays(-2), false), ("who runs mistral", Now.AddDays(-1), false));

        var result = CliRunner.Run(Args("gaps", "--days", "7", "--json"));

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(7, json.RootElement.GetProperty("days").GetInt32());
        var gaps = json.RootElement.GetProperty("gaps");
        Assert.Equal(2, gaps.GetArrayLength());
        Assert.Equal("what is sora", gaps[0].GetProperty("question").GetString());
        Assert.Equal(2, gaps[0].GetProperty("count").GetInt32());
        Assert.Equal(Now.AddDays(-2), gaps[0].GetProperty("lastAsked").GetDateTimeOffset());
        Assert.Equal("who runs mistral", gaps[1].GetProperty("question").GetString());
    }

    [Fact]
    public void Gaps_SaysSo_WhenEverythingWasAnswered()
    {
        Log(("Is Phi-2 licensed for commercial use?", Now.AddDays(-1), true));

        var result = CliRunner.Run(Args("gaps"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("no unanswered questions in the last 30 days", result.Output);
    }

    [Fact]
    public void Gaps_SaysNoQuestionsLoggedYet_AndCreatesNothing_WhenDatabaseIsMissing()
    {
        var result = CliRunner.Run(Args("gaps"));

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("no questions logged yet", result.Output);
        Assert.False(Directory.Exists(DataPath));
    }

    [Fact]
    public void GapsJson_ListsNoGaps_WhenDatabaseIsMissing()
    {
        var result = CliRunner.Run(Args("gaps", "--json"));

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(30, json.RootElement.GetProperty("days").GetInt32());
        Assert.Equal(0, json.RootElement.GetProperty("gaps").GetArrayLength());
        Assert.Contains("no questions logged yet", result.Error);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("3651")]
    [InlineData("-5")]
    [InlineData("many")]
    public void Gaps_ExitsWithUsageError_WhenDaysIsOutOfRange(string days)
    {
        var result = CliRunner.Run(Args("gaps", "--days", days));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--days", result.Error);
        Assert.Equal("", result.Output);
    }

    [Theory]
    [InlineData("1")]
    [InlineData("3650")]
    public void Gaps_AcceptsDays_AtTheEndsOfTheRange(string days)
    {
        var result = CliRunner.Run(Args("gaps", "--days", days));

        Assert.Equal(0, result.ExitCode);
    }

    [Fact]
    public void Help_ListsGapsAndItsOptions()
    {
        Assert.Contains("gaps", CliRunner.Run("--help").Output);
        var help = CliRunner.Run("gaps", "--help");
        Assert.Equal(0, help.ExitCode);
        Assert.Contains("--days", help.Output);
        Assert.Contains("--json", help.Output);
    }

    [Fact]
    public async Task Gaps_ListsTheQuestionsOfEveryReplica_FromPostgres()
    {
        using var store = TestStore.Create(StorageProvider.Postgres);
        var recent = DateTimeOffset.UtcNow.AddHours(-1);
        await store.QuestionLog().RecordAsync(new QuestionRecord(recent, "msteams", "personal", "who runs mistral", false, null, 0.2), CancellationToken.None);
        await store.QuestionLog().RecordAsync(new QuestionRecord(recent, "slack", "channel", "Who runs Mistral ", false, null, 0.1), CancellationToken.None);

        var result = await CliProcess.RunAsync(
            new Dictionary<string, string> { ["Storage__Provider"] = "Postgres", ["ConnectionStrings__NewsBot"] = store.ConnectionString },
            Args("gaps", "--json"));

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var gap = Assert.Single(json.RootElement.GetProperty("gaps").EnumerateArray());
        Assert.Equal(2, gap.GetProperty("count").GetInt32());
    }

    public void Dispose() => _root.Delete(recursive: true);

    private string[] Args(params string[] args) => [.. args, "--knowledge", Path.Combine(_root.FullName, "knowledge"), "--data", DataPath];

    private void Log(params (string Question, DateTimeOffset Time, bool Answered)[] questions)
    {
        using var database = new SqliteDatabase(Path.Combine(DataPath, "newsbot.db"));
        var log = new SqliteQuestionLog(database);
        foreach (var (question, time, answered) in questions)
        {
            log.RecordAsync(new QuestionRecord(time, "msteams", "personal", question, answered, null, 0.2), CancellationToken.None).GetAwaiter().GetResult();
        }
    }
}
