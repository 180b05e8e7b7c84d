using System.Net;
using NewsBot.Bot;
using NewsBot.Digests;
using Newtonsoft.Json.Linq;

namespace NewsBot.Tests.Slack;

/// <summary>
/// Digests in Slack reached directly: <c>digest …</c> in a mention or DM manages the Slack channel's subscription,
/// and delivery passes (run by the test on the fake clock) post the digest with the recorded <c>chat.postMessage</c>.
/// </summary>
public sealed class SlackDigestTests : IAsyncLifetime
{
    private const string Json = "application/json";
    private const string Channel = "C123";
    private static readonly DateTimeOffset NineNextDay = new(2025, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly TestKnowledge _knowledge = new();
    private SlackApiRecorder _slack = null!;
    private SlackBotFactory _factory = null!;
    private HttpClient _client = null!;

    private DigestDelivery Delivery => _factory.Services.GetRequiredService<DigestDelivery>();

    private IDigestSubscriptions Store => _factory.Services.GetRequiredService<IDigestSubscriptions>();

    public async ValueTask InitializeAsync()
    {
        _slack = await SlackApiRecorder.StartAsync();
        _factory = new SlackBotFactory(_knowledge, _slack.BaseUrl) { RunDigestService = false };
        _client = _factory.CreateClient();
        await _factory.ReadyAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _slack.DisposeAsync();
        _knowledge.Dispose();
    }

    [Fact]
    public async Task DigestOn_InAChannel_SubscribesTheSlackChannel_AndRepliesInTheThread()
    {
        var reply = await MentionAsync("EvD1", "1700000000.000200", "<@UBOT> digest on 09:00 UTC");

        Assert.Equal("chat.postMessage", reply.Method);
        Assert.Equal(Channel, reply.Body.Value<string>("channel"));
        Assert.Equal("1700000000.000200", reply.Body.Value<string>("thread_ts"));
        Assert.Contains("Subscribed", reply.Body.Value<string>("text"), StringComparison.Ordinal);
        Assert.NotEmpty((JArray)reply.Body["blocks"]!);

        var subscription = await Store.FindAsync($"{Channels.SlackDirect}:{Channel}", CancellationToken.None);
        Assert.NotNull(subscription);
        Assert.Equal(Channels.SlackDirect, subscription.Channel);
        Assert.Equal("UTC", subscription.TimeZoneId);
        Assert.Equal(NineNextDay, subscription.NextDelivery);
        Assert.Equal(Channel, DigestConversation.Reference(subscription.ReferenceJson).Conversation.Id);

        var status = await MentionAsync("EvD2", "1700000000.000300", "<@UBOT> digest status");
        Assert.Contains("every day at 09:00 (UTC)", status.Body.Value<string>("text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScheduledDigest_IsPostedWithChatPostMessage_ToTheChannel_ExactlyOnce()
    {
        await MentionAsync("EvD3", "1700000000.000400", "<@UBOT> digest on 09:00 UTC");

        _factory.Time.SetUtcNow(NineNextDay.AddMinutes(-1));
        Assert.Equal(0, (await Delivery.DeliverDueAsync(CancellationToken.None)).Due);
        _factory.Time.SetUtcNow(NineNextDay);
        Assert.Equal(1, (await Delivery.DeliverDueAsync(CancellationToken.None)).Sent);

        var digest = await _slack.NextCallAsync();
        Assert.Equal("chat.postMessage", digest.Method);
        Assert.Equal($"Bearer {SlackBotFactory.BotToken}", digest.Authorization);
        Assert.Equal(Channel, digest.Body.Value<string>("channel"));
        Assert.Null(digest.Body["thread_ts"]);
        Assert.StartsWith("AI news digest: 3 new articles", digest.Body.Value<string>("text"), StringComparison.Ordinal);
        Assert.Contains(digest.Body["blocks"]!, b => b.ToString().Contains(TestKnowledge.PhiMitUrl, StringComparison.Ordinal));

        // The window moved: neither another pass now nor one a minute later posts it again.
        Assert.Equal(0, (await Delivery.DeliverDueAsync(CancellationToken.None)).Due);
        _factory.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, (await Delivery.DeliverDueAsync(CancellationToken.None)).Due);
        Assert.False(_slack.HasMoreCalls);
        var subscription = (await Store.FindAsync($"{Channels.SlackDirect}:{Channel}", CancellationToken.None))!;
        Assert.Equal(NineNextDay, subscription.LastDelivery);
        Assert.Equal(NineNextDay.AddDays(1), subscription.NextDelivery);
    }

    [Fact]
    public async Task ChannelNotFound_PausesTheSubscription_WithTheReason()
    {
        await MentionAsync("EvD4", "1700000000.000500", "<@UBOT> digest on 09:00 UTC");
        _slack.FailNext(Channel, "channel_not_found");

        _factory.Time.SetUtcNow(NineNextDay);
        var pass = await Delivery.DeliverDueAsync(CancellationToken.None);

        Assert.Equal(new DeliveryPass(1, 0, 0, 0, 1, 0, 0), pass);
        Assert.Equal(Channel, (await _slack.NextCallAsync()).Body.Value<string>("channel"));
        var subscription = (await Store.FindAsync($"{Channels.SlackDirect}:{Channel}", CancellationToken.None))!;
        Assert.Equal(DigestState.Paused, subscription.State);
        Assert.Contains("channel_not_found", subscription.PausedReason, StringComparison.Ordinal);
        _factory.Time.Advance(TimeSpan.FromDays(1));
        Assert.Equal(0, (await Delivery.DeliverDueAsync(CancellationToken.None)).Due);
        Assert.False(_slack.HasMoreCalls);
    }

    [Fact]
    public async Task RateLimited_IsRetriedAfterRetryAfter_AndPostedOnce()
    {
        await MentionAsync("EvD5", "1700000000.000600", "<@UBOT> digest on 09:00 UTC");
        _slack.RateLimitNext(Channel, TimeSpan.FromMinutes(2));

        _factory.Time.SetUtcNow(NineNextDay);
        Assert.Equal(1, (await Delivery.DeliverDueAsync(CancellationToken.None)).Retrying);
        await _slack.NextCallAsync();
        Assert.Equal(NineNextDay.AddMinutes(2), (await Store.FindAsync($"{Channels.SlackDirect}:{Channel}", CancellationToken.None))!.NextDelivery);

        _factory.Time.SetUtcNow(NineNextDay.AddMinutes(2));
        Assert.Equal(1, (await Delivery.DeliverDueAsync(CancellationToken.None)).Sent);
        Assert.StartsWith("AI news digest", (await _slack.NextCallAsync()).Body.Value<string>("text"), StringComparison.Ordinal);
        Assert.False(_slack.HasMoreCalls);
    }

    [Fact]
    public async Task DigestOff_InADirectMessage_EndsThatDmsSubscription()
    {
        await DirectMessageAsync("EvD6", "digest on 08:30 Europe/Berlin");
        Assert.NotNull(await Store.FindAsync($"{Channels.SlackDirect}:D123", CancellationToken.None));

        var reply = await DirectMessageAsync("EvD7", "digest off");

        Assert.Equal("D123", reply.Body.Value<string>("channel"));
        Assert.Contains("Unsubscribed", reply.Body.Value<string>("text"), StringComparison.Ordinal);
        Assert.Null(await Store.FindAsync($"{Channels.SlackDirect}:D123", CancellationToken.None));
    }

    private async Task<SlackApiRecorder.RecordedCall> MentionAsync(string eventId, string ts, string text)
    {
        var body = new JObject
        {
            ["type"] = "event_callback",
            ["team_id"] = "T1",
            ["event_id"] = eventId,
            ["authorizations"] = new JArray { new JObject { ["user_id"] = "UBOT", ["is_bot"] = true } },
            ["event"] = new JObject { ["type"] = "app_mention", ["user"] = "UASKER", ["text"] = text, ["ts"] = ts, ["channel"] = Channel },
        }.ToString();
        using var response = await _client.SendAsync(_factory.Signed("/api/slack", body, Json));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await _slack.NextCallAsync();
    }

    private async Task<SlackApiRecorder.RecordedCall> DirectMessageAsync(string eventId, string text)
    {
        var body = new JObject
        {
            ["type"] = "event_callback",
            ["team_id"] = "T1",
            ["event_id"] = eventId,
            ["authorizations"] = new JArray { new JObject { ["user_id"] = "UBOT", ["is_bot"] = true } },
            ["event"] = new JObject { ["type"] = "message", ["channel_type"] = "im", ["user"] = "UASKER", ["text"] = text, ["ts"] = "1700000001.000100", ["channel"] = "D123" },
        }.ToString();
        using var response = await _client.SendAsync(_factory.Signed("/api/slack", body, Json));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await _slack.NextCallAsync();
    }
}
