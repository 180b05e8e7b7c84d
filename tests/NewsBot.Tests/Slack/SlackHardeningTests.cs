using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;

namespace NewsBot.Tests.Slack;

/// <summary>
/// Slack under pressure and under attack: bursts lose no question, failed posts are retried, clicks act once,
/// user fields cannot inject mrkdwn, and malformed or oversized signed bodies are a 4xx.
/// </summary>
public sealed class SlackHardeningTests : IAsyncLifetime
{
    private const string Json = "application/json";
    private const string Form = "application/x-www-form-urlencoded";

    private readonly TestKnowledge _knowledge = new();
    private SlackApiRecorder _slack = null!;

    public async ValueTask InitializeAsync() => _slack = await SlackApiRecorder.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _slack.DisposeAsync();
        _knowledge.Dispose();
    }

    /// <summary>
    /// 400 events at once against a Slack API that takes 200 ms per post, with a queue too small to hold them: the
    /// questions it cannot take are answered 503 and not remembered, so Slack's retries (sent here as Slack sends
    /// them) are answered; every event gets exactly one answer.
    /// </summary>
    [Fact]
    public async Task Burst_OfFourHundredEvents_WithASlowSlackApi_LosesNoQuestion_AndAnswersEachOnce()
    {
        const int Events = 400;
        _slack.Delay = TimeSpan.FromMilliseconds(200);
        await using var factory = Factory(new() { ["Slack:QueueCapacity"] = "64", ["Slack:MaxConcurrentReplies"] = "4" });
        using var client = factory.CreateClient();
        await factory.ReadyAsync();

        var refused = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, Events), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, token) =>
        {
            for (var attempt = 0; attempt < 300; attempt++)
            {
                using var request = factory.Signed("/api/slack", Mention($"Burst{i}", Ts(i), "<@UBOT> latest 1"), Json);
                if (attempt > 0)
                {
                    request.Headers.Add("X-Slack-Retry-Num", attempt.ToString(System.Globalization.CultureInfo.InvariantCulture));
                }

                using var response = await client.SendAsync(request, token);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                Interlocked.Increment(ref refused);
                await Task.Delay(200, token);
            }

            Assert.Fail($"event {i} was never accepted");
        });

        var answered = new ConcurrentDictionary<string, int>();
        for (var i = 0; i < Events; i++)
        {
            var call = await _slack.NextCallAsync(TimeSpan.FromSeconds(60));
            answered.AddOrUpdate(call.Body.Value<string>("thread_ts")!, 1, (_, n) => n + 1);
        }

        Assert.True(refused > 0, "the queue should have been full at some point");
        Assert.Equal(Events, answered.Count);
        Assert.All(answered.Values, n => Assert.Equal(1, n));
        Assert.False(_slack.HasMoreCalls);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task FailedPost_IsRetried(int status)
    {
        await using var factory = Factory(new() { ["Slack:RetryDelay"] = "00:00:00" });
        using var client = factory.CreateClient();
        await factory.ReadyAsync();
        _slack.FailNextWithStatus("C123", status);

        using (await client.SendAsync(factory.Signed("/api/slack", Mention("EvRetry", "1700000000.000100", "<@UBOT> latest 1"), Json), TestContext.Current.CancellationToken))
        {
        }

        var first = await _slack.NextCallAsync();
        var second = await _slack.NextCallAsync();
        Assert.Equal(first.Body.ToString(), second.Body.ToString());
        Assert.True(factory.Logs.Contains(LogLevel.Warning, "retrying"));
    }

    [Fact]
    public async Task RateLimitedPost_WaitsForRetryAfter()
    {
        await using var factory = Factory(new() { ["Slack:RetryDelay"] = "00:00:00" });
        using var client = factory.CreateClient();
        await factory.ReadyAsync();
        _slack.RateLimitNext("C123", TimeSpan.FromSeconds(20));

        using (await client.SendAsync(factory.Signed("/api/slack", Mention("EvLimited", "1700000000.000200", "<@UBOT> latest 1"), Json), TestContext.Current.CancellationToken))
        {
        }

        await _slack.NextCallAsync();
        Assert.True(await EventuallyAsync(() => factory.Logs.Contains(LogLevel.Warning, "retrying in 00:00:20")));
        factory.Time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal("1700000000.000200", (await _slack.NextCallAsync()).Body.Value<string>("thread_ts"));
    }

    [Fact]
    public async Task PostRefusedForGood_IsNotRetried_AndLoggedWithoutAStackTrace()
    {
        await using var factory = Factory(new() { ["Slack:RetryDelay"] = "00:00:00" });
        using var client = factory.CreateClient();
        await factory.ReadyAsync();
        _slack.FailNext("C123", "not_in_channel");

        using (await client.SendAsync(factory.Signed("/api/slack", Mention("EvGone", "1700000000.000300", "<@UBOT> latest 1"), Json), TestContext.Current.CancellationToken))
        using (await client.SendAsync(factory.Signed("/api/slack", Mention("EvNext", "1700000000.000400", "<@UBOT> latest 1"), Json), TestContext.Current.CancellationToken))
        {
        }

        var calls = new[] { await _slack.NextCallAsync(), await _slack.NextCallAsync() };
        Assert.Equal(["1700000000.000300", "1700000000.000400"], calls.Select(c => c.Body.Value<string>("thread_ts")).Order(StringComparer.Ordinal));
        Assert.True(await EventuallyAsync(() => factory.Logs.Contains(LogLevel.Warning, "not_in_channel")));
        Assert.Empty(factory.Logs.Loud);
    }

    [Fact]
    public async Task ReplayedShareClick_PostsOnce()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();
        await factory.ReadyAsync();
        var payload = SharePayload("UASKER", actions: 1);

        for (var i = 0; i < 3; i++)
        {
            using var response = await client.SendAsync(factory.Signed("/api/slack/interactivity", payload, Form), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        Assert.Equal("C777", (await _slack.NextCallAsync()).Body.Value<string>("channel"));
        await AssertNoMoreCallsAsync(client, factory);
    }

    [Fact]
    public async Task PayloadWithFiftyActions_PostsOnce()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();
        await factory.ReadyAsync();

        using var response = await client.SendAsync(factory.Signed("/api/slack/interactivity", SharePayload("UASKER", actions: 50), Form), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("C777", (await _slack.NextCallAsync()).Body.Value<string>("channel"));
        await AssertNoMoreCallsAsync(client, factory);
    }

    [Theory]
    [InlineData("U9> <!channel")]
    [InlineData("<!here>")]
    [InlineData("U1|x")]
    public async Task UserIdThatIsNotAnId_IsNotPutIntoTheMessage(string user)
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();
        await factory.ReadyAsync();

        using (await client.SendAsync(factory.Signed("/api/slack/interactivity", SharePayload(user, actions: 1), Form), TestContext.Current.CancellationToken))
        {
        }

        var text = (await _slack.NextCallAsync()).Body.ToString();
        Assert.DoesNotContain("<!channel>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<!here>", text, StringComparison.Ordinal);
        Assert.DoesNotContain("<@U9", text, StringComparison.Ordinal);
        Assert.Contains("Shared:", text, StringComparison.Ordinal);
    }

    public static TheoryData<string, string> MalformedBodies => new()
    {
        { "/api/slack", "{ not json" },
        { "/api/slack", new string('[', 100) + new string(']', 100) },
        { "/api/slack", "\u0001\u0002\u0000binary" },
        { "/api/slack/interactivity", "payload=" + Uri.EscapeDataString("{ not json") },
        { "/api/slack/interactivity", "payload=" + Uri.EscapeDataString("{\"type\":\"block_actions\",\"actions\":" + new string('[', 100) + new string(']', 100) + "}") },
        { "/api/slack/interactivity", "no_payload=1" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task SignedButMalformedBody_Gets400_WithoutAStackTrace(string path, string body)
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(factory.Signed(path, body, path.EndsWith("interactivity", StringComparison.Ordinal) ? Form : Json), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(factory.Logs.Contains(LogLevel.Warning, "Rejected a signed Slack request"));
        Assert.Empty(factory.Logs.Loud);
    }

    [Fact]
    public async Task OversizedBody_Gets413()
    {
        await using var factory = Factory();
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(factory.Signed("/api/slack", "{\"type\":\"x\",\"pad\":\"" + new string('x', 300 * 1024) + "\"}", Json), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task DirectSlack_WorksWithLocalChatOff()
    {
        await using var factory = Factory(new() { ["LocalChat:Enabled"] = "false", ["urls"] = "http://0.0.0.0:3978" });
        using var client = factory.CreateClient();
        await factory.ReadyAsync();

        using var response = await client.SendAsync(factory.Signed("/api/slack", Mention("EvOff", "1700000000.000500", "<@UBOT> latest 1"), Json), TestContext.Current.CancellationToken);
        using var messages = await client.PostAsync("/api/messages", new StringContent("{}", Encoding.UTF8, Json), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1700000000.000500", (await _slack.NextCallAsync()).Body.Value<string>("thread_ts"));
        Assert.Equal(HttpStatusCode.NotFound, messages.StatusCode);
    }

    private SlackBotFactory Factory(Dictionary<string, string?>? settings = null) =>
        new(_knowledge, _slack.BaseUrl) { Settings = settings ?? [] };

    /// <summary>Sends a marker question: if anything else had been queued, its post would come before the marker's.</summary>
    private async Task AssertNoMoreCallsAsync(HttpClient client, SlackBotFactory factory)
    {
        using (await client.SendAsync(factory.Signed("/api/slack", Mention("EvMarker", "1700000000.999999", "<@UBOT> latest 1"), Json)))
        {
        }

        Assert.Equal("1700000000.999999", (await _slack.NextCallAsync()).Body.Value<string>("thread_ts"));
    }

    private static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(50);
        }

        return condition();
    }

    private static string Ts(int i) => $"1700000000.{i:D6}";

    private static string SharePayload(string user, int actions)
    {
        var list = new JArray();
        for (var i = 0; i < actions; i++)
        {
            list.Add(new JObject { ["action_id"] = "newsbot_share", ["type"] = "button", ["value"] = "latest 1", ["action_ts"] = $"1700000100.{i:D6}" });
        }

        var payload = new JObject
        {
            ["type"] = "block_actions",
            ["user"] = new JObject { ["id"] = user },
            ["channel"] = new JObject { ["id"] = "C777" },
            ["container"] = new JObject { ["type"] = "message", ["message_ts"] = "1700000050.000100", ["is_ephemeral"] = true },
            ["actions"] = list,
        };
        return "payload=" + Uri.EscapeDataString(payload.ToString());
    }

    private static string Mention(string eventId, string ts, string text) => new JObject
    {
        ["type"] = "event_callback",
        ["team_id"] = "T1",
        ["event_id"] = eventId,
        ["authorizations"] = new JArray { new JObject { ["user_id"] = "UBOT", ["is_bot"] = true } },
        ["event"] = new JObject { ["type"] = "app_mention", ["user"] = "UASKER", ["text"] = text, ["ts"] = ts, ["channel"] = "C123" },
    }.ToString();
}
