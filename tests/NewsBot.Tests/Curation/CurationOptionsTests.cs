using NewsBot.Tests.Http;

namespace NewsBot.Tests.Curation;

/// <summary>The Curation section is checked when the bot starts, not when a curator first needs it.</summary>
public sealed class CurationOptionsTests
{
    [Theory]
    [InlineData("Curation:FeedSchedule", "every hour", "Curation:FeedSchedule must be a cron expression")]
    [InlineData("Curation:MaxRedirects", "50", "MaxRedirects")]
    [InlineData("Curation:FetchTimeout", "00:10:00", "FetchTimeout")]
    public async Task BadSetting_StopsTheBotAtStart_NamingIt(string key, string value, string message)
    {
        using var knowledge = new TestKnowledge();
        using var error = new StringWriter();

        var exitCode = await NewsBot.Hosting.NewsBotHost.RunAsync(
            ["--urls", "http://127.0.0.1:0", "--knowledge", knowledge.KnowledgePath, "--data", knowledge.DataPath, "--Knowledge:Semantic=false", $"--{key}={value}"],
            error);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("error:", error.ToString(), StringComparison.Ordinal);
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("off")]
    [InlineData("*/15 * * * *")]
    public async Task FeedSchedule_OffOrCron_Starts(string schedule)
    {
        using var knowledge = new TestKnowledge();
        await using var factory = new NewsBotFactory(knowledge);
        await using var app = factory.WithWebHostBuilder(builder => builder.UseSetting("Curation:FeedSchedule", schedule));

        Assert.NotNull(app.Server);
        await app.Services.GetRequiredService<NewsBot.Collection.CollectionState>().Ready.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);
    }
}
