using Microsoft.Extensions.Options;
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
        await using var factory = new NewsBotFactory(knowledge);
        await using var app = factory.WithWebHostBuilder(builder => builder.UseSetting(key, value));

        var error = Assert.Throws<OptionsValidationException>(() => app.Server);

        Assert.Contains(message, error.Message);
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
        await app.Services.GetRequiredService<NewsBot.Collection.CollectionState>().Ready.WaitAsync(TimeSpan.FromSeconds(30));
    }
}
