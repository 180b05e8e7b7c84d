using Microsoft.Extensions.Options;
using NewsBot.Cli;
using NewsBot.Hosting;
using NewsBot.Knowledge;
using NewsBot.Tests.Cli;

namespace NewsBot.Tests.Configuration;

/// <summary>The bot and the command line read the same settings the same way, and refuse a bad one with the same line.</summary>
public sealed class NewsBotSettingsTests : IDisposable
{
    private readonly TestKnowledge _knowledge = new();

    public static TheoryData<string?, string?> Folders => new()
    {
        { "articles", "state" },
        { "articles", null },
        { null, "state" },
        { null, null },
    };

    [Theory]
    [MemberData(nameof(Folders))]
    public async Task CliAndHost_ResolveTheSameFolders_FromTheSameSettings(string? knowledge, string? data)
    {
        var root = Path.GetDirectoryName(_knowledge.KnowledgePath)!;
        var knowledgePath = knowledge is null ? null : Path.Combine(root, knowledge);
        var dataPath = data is null ? null : Path.Combine(root, data);
        string[] args = [.. Flag("--knowledge", knowledgePath), .. Flag("--data", dataPath)];
        var existedBefore = Directory.Exists(Path.Combine(RepositoryRoot(), ".newsbot"));

        // The host's services as the bot composes them, not built into the app: that would open the index in the data
        // folder, which for the defaults is the repository's own .newsbot/.
        await using var host = NewsBotHost.CreateBuilder(args).Services.BuildServiceProvider();
        var hostPaths = host.GetRequiredService<DataPaths>();
        var hostKnowledge = host.GetRequiredService<IOptions<KnowledgeOptions>>().Value;
        var cli = CliSettings.Load(knowledgePath, dataPath, semantic: null);

        Assert.Equal(hostPaths, cli.Paths);
        Assert.Equal((hostKnowledge.Path, hostKnowledge.DataPath), (cli.Knowledge.Path, cli.Knowledge.DataPath));
        Assert.Equal(knowledgePath ?? Path.GetFullPath(Path.Combine(RepositoryRoot(), "knowledge")), hostPaths.Knowledge);
        Assert.Equal(dataPath ?? Path.Combine(Path.GetDirectoryName(hostPaths.Knowledge)!, ".newsbot"), hostPaths.Data);
        if (knowledge is null && data is null && !existedBefore)
        {
            Assert.False(Directory.Exists(hostPaths.Data), "resolving the folders wrote the repository's .newsbot/");
        }
    }

    [Fact]
    public void Cli_TakesSemanticOnOff_AsTheKnowledgeSemanticSetting()
    {
        Assert.False(CliSettings.Load(_knowledge.KnowledgePath, _knowledge.DataPath, "off").Knowledge.Semantic);
        Assert.True(CliSettings.Load(_knowledge.KnowledgePath, _knowledge.DataPath, "on").Knowledge.Semantic);
    }

    [Theory]
    [InlineData("Knowledge__Top", "0", "Top")]
    [InlineData("Knowledge__Top", "three", "Knowledge:Top")]
    [InlineData("Storage__Provider", "Postgres", "ConnectionStrings:NewsBot")]
    [InlineData("Curation__FeedSchedule", "every hour", "Curation:FeedSchedule")]
    [InlineData("LocalChat__IdleExpiry", "00:00:01", "IdleExpiry")]
    [InlineData("Slack__ReplyLease", "00:00:30", "Slack:ReplyLease")]
    public async Task BadSetting_IsRefusedWithTheSameLine_ByTheBotAndACommand(string variable, string value, string named)
    {
        var environment = new Dictionary<string, string> { [variable] = value };

        var bot = await CliProcess.RunAsync(environment, _knowledge.Args("--urls", "http://127.0.0.1:0"));
        var command = await CliProcess.RunAsync(environment, _knowledge.Args("lint"));

        Assert.Equal(1, bot.ExitCode);
        var line = Assert.Single(bot.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains(named, line, StringComparison.Ordinal);
        Assert.Equal((bot.ExitCode, bot.Error), (command.ExitCode, command.Error));
        Assert.Empty(bot.Output);
        Assert.Empty(command.Output);
    }

    [Theory]
    [InlineData("ask", "who released Phi-2?")]
    [InlineData("index")]
    [InlineData("eval", "questions.jsonl")]
    [InlineData("gaps")]
    [InlineData("digest")]
    [InlineData("add", "https://example.org/story")]
    [InlineData("publish", "draft.md")]
    [InlineData("feeds")]
    [InlineData("migrate")]
    public async Task BadSetting_StopsEveryCommandThatReadsSettings_BeforeItDoesAnything(params string[] args)
    {
        var environment = new Dictionary<string, string> { ["Knowledge__Top"] = "0" };

        var result = await CliProcess.RunAsync(environment, _knowledge.Args(args));

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line, StringComparison.Ordinal);
        Assert.Contains("Top", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_knowledge.DataPath));
    }

    public void Dispose() => _knowledge.Dispose();

    private static string[] Flag(string name, string? value) => value is null ? [] : [name, value];

    /// <summary>The repository this test runs in, found as NewsBotPaths finds it: the folder with Bot.sln.</summary>
    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(Environment.CurrentDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Bot.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("not run inside the repository");
    }
}
