using System.Net;
using Newtonsoft.Json.Linq;

namespace NewsBot.Tests.Slack;

/// <summary>
/// A question Slack got its 200 for is answered even when the replica that accepted it stops before answering: the next
/// host on the same database (here the same data folder, as a restarted bot; PostgreSQL in the suite's PostgreSQL run)
/// posts the answer, once. <see cref="Replicas.SlackReplicaTests"/> has two replicas running side by side.
/// </summary>
public sealed class SlackDurableRepliesTests : IAsyncLifetime
{
    private const string Json = "application/json";
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan Sweep = TimeSpan.FromSeconds(10);

    private readonly TestKnowledge _knowledge = new();
    private SlackApiRecorder _slack = null!;

    public async ValueTask InitializeAsync() => _slack = await SlackApiRecorder.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _slack.DisposeAsync();
        _knowledge.Dispose();
    }

    [Fact]
    public async Task AQuestionAcceptedByAHostThatDied_IsAnsweredOnce_ByTheNextHost_OnceItsLeaseExpired()
    {
        // The first host acknowledges the event and dies before answering: nothing of it runs after the 200.
        await using (var died = Factory(runReplies: false))
        {
            using var client = died.CreateClient();
            await died.ReadyAsync();
            using var response = await client.SendAsync(died.Signed("/api/slack", Mention("EvDied", "1700000000.000100", "<@UBOT> Is Phi-2 licensed for commercial use?"), Json), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await using var next = Factory();
        using var nextClient = next.CreateClient();
        await next.ReadyAsync();

        // Until its lease expires, the question is the dead host's: the next host sweeps and leaves it.
        var beforeExpiry = await AdvanceUntilCallAsync(next, Lease - TimeSpan.FromSeconds(2));
        var answer = await AdvanceUntilCallAsync(next, Sweep * 2) ?? throw new TimeoutException("no answer once the lease had expired");

        Assert.Null(beforeExpiry);
        Assert.Equal("1700000000.000100", answer.Body.Value<string>("thread_ts"));
        Assert.Contains(TestKnowledge.PhiMitUrl, answer.Body.Value<string>("text"), StringComparison.Ordinal);
        Assert.True(next.Logs.Contains(LogLevel.Information, "Took 1 Slack questions nobody held"));
        await AssertNothingElsePostedAsync(next, nextClient);
    }

    [Fact]
    public async Task AHostStoppedGracefully_FinishesItsAnswerInProgress_AndLetsGoOfTheOthers_WhichTheNextHostAnswersAtOnce()
    {
        _slack.Delay = TimeSpan.FromSeconds(3);
        await using (var stopped = Factory())
        {
            using var client = stopped.CreateClient();
            await stopped.ReadyAsync();
            using (await client.SendAsync(stopped.Signed("/api/slack", Mention("EvFirst", "1700000000.000201", "<@UBOT> latest 1"), Json), TestContext.Current.CancellationToken))
            {
            }

            // One reply at a time: the first is being posted, the next two wait when the host is told to stop.
            Assert.True(await EventuallyAsync(() => _slack.Received == 1));
            using (await client.SendAsync(stopped.Signed("/api/slack", Mention("EvSecond", "1700000000.000202", "<@UBOT> latest 1"), Json), TestContext.Current.CancellationToken))
            using (await client.SendAsync(stopped.Signed("/api/slack", Mention("EvThird", "1700000000.000203", "<@UBOT> latest 1"), Json), TestContext.Current.CancellationToken))
            {
            }
        }

        Assert.Equal("1700000000.000201", (await _slack.NextCallAsync()).Body.Value<string>("thread_ts"));
        Assert.Equal(1, _slack.Received);

        // No clock moved: the questions were let go, not left to a lease.
        _slack.Delay = TimeSpan.Zero;
        await using var next = Factory();
        using var nextClient = next.CreateClient();
        await next.ReadyAsync();
        var answered = new[] { await _slack.NextCallAsync(), await _slack.NextCallAsync() };

        Assert.Equal(["1700000000.000202", "1700000000.000203"], answered.Select(call => call.Body.Value<string>("thread_ts")).Order(StringComparer.Ordinal));
        await AssertNothingElsePostedAsync(next, nextClient);
    }

    [Fact]
    public async Task AQuestionWhosePostKeepsFailing_IsTriedReplyAttemptsTimes_ThenGivenUp()
    {
        await using var factory = Factory(new() { ["Slack:PostAttempts"] = "1", ["Slack:ReplyAttempts"] = "2" });
        using var client = factory.CreateClient();
        await factory.ReadyAsync();
        for (var i = 0; i < 3; i++)
        {
            _slack.FailNextWithStatus("C123", 500);
        }

        using (await client.SendAsync(factory.Signed("/api/slack", Mention("EvFailing", "1700000000.000300", "<@UBOT> latest 1"), Json), TestContext.Current.CancellationToken))
        {
        }

        var first = await _slack.NextCallAsync();
        Assert.True(await EventuallyAsync(() => factory.Logs.Contains(LogLevel.Warning, "attempt 1 of 2")));
        var second = await AdvanceUntilCallAsync(factory, Sweep * 2) ?? throw new TimeoutException("not tried again");

        Assert.Equal(first.Body.ToString(), second.Body.ToString());
        Assert.True(await EventuallyAsync(() => factory.Logs.Contains(LogLevel.Error, "Gave up on a Slack question from channel C123 after 2 attempts")));
        factory.Time.Advance(Lease + Sweep);
        await AssertNothingElsePostedAsync(factory, client);
    }

    private SlackBotFactory Factory(Dictionary<string, string?>? settings = null, bool runReplies = true) =>
        new(_knowledge, _slack.BaseUrl) { Settings = settings ?? [], RunSlackReplyService = runReplies };

    /// <summary>Moves the host's clock on two seconds at a time, by <paramref name="limit"/> at most, until the Slack API gets a call; null if it got none.</summary>
    private async Task<SlackApiRecorder.RecordedCall?> AdvanceUntilCallAsync(SlackBotFactory factory, TimeSpan limit)
    {
        var step = TimeSpan.FromSeconds(2);
        for (var moved = TimeSpan.Zero; moved < limit; moved += step)
        {
            factory.Time.Advance(step);
            if (await EventuallyAsync(() => _slack.HasMoreCalls, TimeSpan.FromMilliseconds(100)))
            {
                return await _slack.NextCallAsync();
            }
        }

        return await EventuallyAsync(() => _slack.HasMoreCalls, TimeSpan.FromSeconds(5)) ? await _slack.NextCallAsync() : null;
    }

    /// <summary>Sends a marker question from another channel: had anything else been posted, or were it still pending, it would come first.</summary>
    private async Task AssertNothingElsePostedAsync(SlackBotFactory factory, HttpClient client)
    {
        using (await client.SendAsync(factory.Signed("/api/slack", Mention("EvMarker", "1700000000.999999", "<@UBOT> latest 1", channel: "C999"), Json)))
        {
        }

        Assert.Equal("C999", (await _slack.NextCallAsync()).Body.Value<string>("channel"));
        await Task.Delay(200);
        Assert.False(_slack.HasMoreCalls);
    }

    private static async Task<bool> EventuallyAsync(Func<bool> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }

        return condition();
    }

    private static string Mention(string eventId, string ts, string text, string channel = "C123") => new JObject
    {
        ["type"] = "event_callback",
        ["team_id"] = "T1",
        ["event_id"] = eventId,
        ["authorizations"] = new JArray { new JObject { ["user_id"] = "UBOT", ["is_bot"] = true } },
        ["event"] = new JObject { ["type"] = "app_mention", ["user"] = "UASKER", ["text"] = text, ["ts"] = ts, ["channel"] = channel },
    }.ToString();
}
