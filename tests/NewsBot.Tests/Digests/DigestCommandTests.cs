using Microsoft.Bot.Schema;
using NewsBot.Digests;
using NewsBot.Tests.Bot;

namespace NewsBot.Tests.Digests;

/// <summary>The <c>digest</c> commands, typed into a conversation with the real bot and its SQLite store.</summary>
public sealed class DigestCommandTests : IAsyncLifetime
{
    private BotTestHost _host = null!;

    public ValueTask InitializeAsync()
    {
        _host = new BotTestHost();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    private IDigestSubscriptions Store => _host.Services.GetRequiredService<IDigestSubscriptions>();

    [Fact]
    public async Task On_SubscribesAtNineUtc_ByDefault_AndStatusShowsIt()
    {
        await _host.Conversation()
            .Send("digest on")
            .AssertReply(reply => Assert.Contains("Subscribed", Text(reply)))
            .Send("digest status")
            .AssertReply(reply =>
            {
                Assert.Contains("every day at 09:00 (UTC)", Text(reply));
                Assert.Contains("Next delivery:", Text(reply));
                Assert.Contains("Last delivery: none yet", Text(reply));
            })
            .StartTestAsync();

        var subscription = await Store.FindAsync("test:test-conversation", CancellationToken.None);
        Assert.NotNull(subscription);
        Assert.Equal(subscription.Created.AddHours(-24), subscription.WindowStart);
    }

    [Fact]
    public async Task On_TakesTheTimeAndZoneTyped()
    {
        await _host.Conversation()
            .Send("digest on 7:30 Europe/Berlin")
            .AssertReply(reply => Assert.Contains("every day at 07:30 (Europe/Berlin)", Text(reply)))
            .StartTestAsync();
    }

    [Fact]
    public async Task On_UsesTheZoneTeamsSends_WhenNoneIsTyped()
    {
        await _host.Conversation("msteams", "personal")
            .Send(new Activity(ActivityTypes.Message) { Text = "digest on 08:00", LocalTimezone = "America/New_York" })
            .AssertReply(reply => Assert.Contains("every day at 08:00 (America/New_York)", Text(reply)))
            .StartTestAsync();
    }

    [Theory]
    [InlineData("digest on 25:00", "is not a time I understand")]
    [InlineData("digest on 9.30", "I don't know the time zone `9.30`")]
    [InlineData("digest on 09:00 Mars/Olympus", "I don't know the time zone `Mars/Olympus`")]
    [InlineData("digest on 09:00 Europe/Berlin extra", "one time zone")]
    public async Task On_ExplainsWithAnExample_AndChangesNothing_WhenTheTimeOrZoneIsBad(string command, string expected)
    {
        await _host.Conversation()
            .Send(command)
            .AssertReply(reply =>
            {
                Assert.Contains(expected, Text(reply));
                Assert.Contains("digest on 09:00 Europe/Berlin", Text(reply));
            })
            .StartTestAsync();

        Assert.Null(await Store.FindAsync("test:test-conversation", CancellationToken.None));
    }

    [Fact]
    public async Task WeekdaysAndOff_ChangeAndEndTheSubscription()
    {
        await _host.Conversation()
            .Send("digest on")
            .AssertReply(_ => { })
            .Send("digest weekdays on")
            .AssertReply(reply => Assert.Contains("every weekday at 09:00", Text(reply)))
            .Send("digest off")
            .AssertReply(reply => Assert.Contains("Unsubscribed", Text(reply)))
            .Send("digest status")
            .AssertReply(reply => Assert.Contains("has no digest", Text(reply)))
            .StartTestAsync();
    }

    [Fact]
    public async Task Status_ShowsWhyItIsPaused()
    {
        await _host.Conversation().Send("digest on").AssertReply(_ => { }).StartTestAsync();
        var subscription = (await Store.FindAsync("test:test-conversation", CancellationToken.None))!;
        await Store.SaveAsync(subscription with { State = DigestState.Paused, PausedReason = "the conversation no longer exists (404)" }, CancellationToken.None);

        await _host.Conversation()
            .Send("digest status")
            .AssertReply(reply =>
            {
                Assert.Contains("Paused: the conversation no longer exists (404)", Text(reply));
                Assert.DoesNotContain("Next delivery", Text(reply));
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Now_PostsTheCurrentWindowsDigest_WithoutMovingTheSchedule()
    {
        await _host.Conversation().Send("digest on").AssertReply(_ => { }).StartTestAsync();
        var before = await Store.FindAsync("test:test-conversation", CancellationToken.None);

        await _host.Conversation()
            .Send("digest now")
            .AssertReply(reply =>
            {
                var card = BotTestHost.CardJson(reply);
                Assert.Contains("AI news digest: 3 new articles", card);
                Assert.Contains(TestKnowledge.PhiMitUrl, card);
                Assert.Contains("Example News", card);
                Assert.Contains(TestKnowledge.LlamaUrl, Text(reply));
            })
            .StartTestAsync();

        Assert.Equal(before, await Store.FindAsync("test:test-conversation", CancellationToken.None));
    }

    [Fact]
    public async Task List_ShowsTheArticlesAddedInTheLastDay()
    {
        await _host.Conversation()
            .Send("digest list")
            .AssertReply(reply => Assert.Contains(TestKnowledge.PhiResearchUrl, BotTestHost.CardJson(reply)))
            .Send("digest list 99")
            .AssertReply(reply => Assert.Contains("from 1 to 30", Text(reply)))
            .StartTestAsync();
    }

    [Fact]
    public async Task Digest_WithoutASubcommand_ExplainsTheSubcommands()
    {
        await _host.Conversation()
            .Send("digest")
            .AssertReply(reply =>
            {
                Assert.Contains("`digest on [HH:mm] [time zone]`", Text(reply));
                Assert.Contains("`digest weekdays on|off`", Text(reply));
            })
            .StartTestAsync();
    }

    private static string Text(IActivity activity) => NewsBot.Tests.Bot.BotTestHost.Shown(activity);
}
