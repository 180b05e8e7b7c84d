using System.Net;
using Newtonsoft.Json.Linq;

namespace NewsBot.Tests.Slack;

/// <summary>Slack's request URLs on the real host: signed requests in, recorded Web API calls out.</summary>
public sealed class SlackEndpointsTests : IAsyncLifetime
{
    private const string Json = "application/json";
    private const string Form = "application/x-www-form-urlencoded";
    private const string Question = "Is Phi-2 licensed for commercial use?";

    private readonly TestKnowledge _knowledge = new();
    private SlackApiRecorder _slack = null!;
    private SlackBotFactory _factory = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _slack = await SlackApiRecorder.StartAsync();
        _factory = new SlackBotFactory(_knowledge, _slack.BaseUrl);
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
    public async Task UrlVerification_EchoesTheChallenge()
    {
        using var response = await _client.SendAsync(_factory.Signed("/api/slack", """{"type":"url_verification","token":"t","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"}""", Json), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P", JObject.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Value<string>("challenge"));
    }

    [Fact]
    public async Task AppMention_PostsTheAnswerInTheQuestionsThread()
    {
        using var response = await _client.SendAsync(_factory.Signed("/api/slack", Mention("Ev1", "1700000000.000200", $"<@UBOT> {Question}"), Json), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var call = await _slack.NextCallAsync();
        Assert.Equal("chat.postMessage", call.Method);
        Assert.Equal($"Bearer {SlackBotFactory.BotToken}", call.Authorization);
        Assert.StartsWith(Json, call.ContentType, StringComparison.Ordinal);
        Assert.Equal("C123", call.Body.Value<string>("channel"));
        Assert.Equal("1700000000.000200", call.Body.Value<string>("thread_ts"));
        Assert.Contains(TestKnowledge.PhiMitUrl, call.Body.Value<string>("text"), StringComparison.Ordinal);
        Assert.Contains("commercial use", call.Body.Value<string>("text"), StringComparison.Ordinal);
        var blocks = (JArray)call.Body["blocks"]!;
        Assert.Contains(blocks, b => b.ToString().Contains(TestKnowledge.PhiMitUrl, StringComparison.Ordinal));
        Assert.All(blocks.Where(b => b.Value<string>("type") == "section"), b => Assert.True(b["text"]!.Value<string>("text")!.Length <= 3000));
    }

    [Fact]
    public async Task DirectMessage_IsAnswered_AndBotsAndEditsAreIgnored()
    {
        // Ignored first: the bot's own message, another bot's, an edit; then a person's question, which must be the next call.
        using (await _client.SendAsync(_factory.Signed("/api/slack", DirectMessage("Ev2", "UBOT", "latest"), Json), TestContext.Current.CancellationToken))
        using (await _client.SendAsync(_factory.Signed("/api/slack", DirectMessage("Ev3", "U999", "latest", "bot_id", "B1"), Json), TestContext.Current.CancellationToken))
        using (await _client.SendAsync(_factory.Signed("/api/slack", DirectMessage("Ev4", "U999", "latest", "subtype", "message_changed"), Json), TestContext.Current.CancellationToken))
        using (var response = await _client.SendAsync(_factory.Signed("/api/slack", DirectMessage("Ev5", "UASKER", Question), Json), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var call = await _slack.NextCallAsync();
        Assert.Equal("D123", call.Body.Value<string>("channel"));
        Assert.Null(call.Body["thread_ts"]);
        Assert.Contains(TestKnowledge.PhiMitUrl, call.Body.Value<string>("text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retry_OfAnEventAlreadyAccepted_IsAcknowledgedButNotAnsweredTwice()
    {
        using (var first = await _client.SendAsync(_factory.Signed("/api/slack", Mention("Ev6", "1700000000.000300", "<@UBOT> latest 2"), Json), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        }

        var retry = _factory.Signed("/api/slack", Mention("Ev6", "1700000000.000300", "<@UBOT> latest 2"), Json);
        retry.Headers.Add("X-Slack-Retry-Num", "1");
        retry.Headers.Add("X-Slack-Retry-Reason", "http_timeout");
        using (var second = await _client.SendAsync(retry, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        }

        using (await _client.SendAsync(_factory.Signed("/api/slack", Mention("Ev7", "1700000000.000400", $"<@UBOT> {Question}"), Json), TestContext.Current.CancellationToken))
        {
        }

        var firstCall = await _slack.NextCallAsync();
        var nextCall = await _slack.NextCallAsync();
        Assert.Equal("1700000000.000300", firstCall.Body.Value<string>("thread_ts"));
        Assert.Equal("1700000000.000400", nextCall.Body.Value<string>("thread_ts"));
    }

    [Fact]
    public async Task ForgedSignature_Is401_AndNothingIsPosted()
    {
        using var forged = _factory.Signed("/api/slack", Mention("Ev8", "1700000000.000500", "<@UBOT> latest"), Json, secret: "not-the-signing-secret");
        using var response = await _client.SendAsync(forged, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);

        using var unsigned = new HttpRequestMessage(HttpMethod.Post, "/api/slack") { Content = new StringContent(Mention("Ev9", "1700000000.000600", "<@UBOT> latest")) };
        using var unsignedResponse = await _client.SendAsync(unsigned, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, unsignedResponse.StatusCode);

        await AssertNothingPostedAsync();
    }

    [Fact]
    public async Task StaleOrReplayedRequest_Is401_AndNothingIsPosted()
    {
        using var stale = _factory.Signed("/api/slack", Mention("Ev10", "1700000000.000700", "<@UBOT> latest"), Json, signedAt: _factory.Time.GetUtcNow().AddMinutes(-6));
        using var staleResponse = await _client.SendAsync(stale, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, staleResponse.StatusCode);

        // A captured request sent again later: the signature still matches, the timestamp no longer does.
        var body = Mention("Ev11", "1700000000.000800", "<@UBOT> latest");
        using var original = _factory.Signed("/api/slack", body, Json);
        using var replay = _factory.Signed("/api/slack", body, Json);
        using (var accepted = await _client.SendAsync(original, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        }

        Assert.Equal("1700000000.000800", (await _slack.NextCallAsync()).Body.Value<string>("thread_ts"));
        _factory.Time.Advance(TimeSpan.FromMinutes(10));
        using var replayResponse = await _client.SendAsync(replay, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, replayResponse.StatusCode);

        await AssertNothingPostedAsync();
    }

    [Fact]
    public async Task SlashCommand_AnswersEphemerally_WithAShareButton()
    {
        var body = "token=x&team_id=T1&channel_id=C777&user_id=UASKER&command=%2Fainews&text=" + Uri.EscapeDataString(Question) + "&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1%2F1%2Fx&trigger_id=1.2.3";
        using var response = await _client.SendAsync(_factory.Signed("/api/slack/commands", body, Form), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = JObject.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("ephemeral", message.Value<string>("response_type"));
        Assert.Contains(TestKnowledge.PhiMitUrl, message.Value<string>("text"), StringComparison.Ordinal);
        var share = message["blocks"]!.Last!["elements"]![0]!;
        Assert.Equal("Share in channel", share["text"]!.Value<string>("text"));
        Assert.Equal(Question, share.Value<string>("value"));
    }

    [Fact]
    public async Task ShareButton_PostsTheAnswerInTheChannel_NamingWhoShared()
    {
        var payload = new JObject
        {
            ["type"] = "block_actions",
            ["user"] = new JObject { ["id"] = "UASKER" },
            ["channel"] = new JObject { ["id"] = "C777" },
            ["actions"] = new JArray { new JObject { ["action_id"] = "newsbot_share", ["type"] = "button", ["value"] = Question } },
        };
        using var response = await _client.SendAsync(_factory.Signed("/api/slack/interactivity", "payload=" + Uri.EscapeDataString(payload.ToString()), Form), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var call = await _slack.NextCallAsync();
        Assert.Equal("C777", call.Body.Value<string>("channel"));
        Assert.StartsWith("<@UASKER> asked:", call.Body.Value<string>("text"), StringComparison.Ordinal);
        Assert.Contains(TestKnowledge.PhiMitUrl, call.Body.Value<string>("text"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlashCommand_WithForgedSignature_Is401()
    {
        using var response = await _client.SendAsync(_factory.Signed("/api/slack/commands", "command=%2Fainews&text=latest", Form, secret: "wrong"), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task SlackEndpoints_Are404_WhenSlackIsNotConfigured()
    {
        using var knowledge = new TestKnowledge();
        await using var factory = new SlackBotFactory(knowledge, slackApiBaseUrl: null);
        using var client = factory.CreateClient();

        using var response = await client.SendAsync(factory.Signed("/api/slack", """{"type":"url_verification","challenge":"c"}""", Json), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task AssertNothingPostedAsync()
    {
        // Sent after the rejected requests: if any had been queued, its reply would come first.
        using (await _client.SendAsync(_factory.Signed("/api/slack", Mention("EvMarker", "1700000000.999999", "<@UBOT> latest 1"), Json)))
        {
        }

        Assert.Equal("1700000000.999999", (await _slack.NextCallAsync()).Body.Value<string>("thread_ts"));
    }

    private static string Mention(string eventId, string ts, string text) => new JObject
    {
        ["type"] = "event_callback",
        ["team_id"] = "T1",
        ["event_id"] = eventId,
        ["authorizations"] = new JArray { new JObject { ["user_id"] = "UBOT", ["is_bot"] = true } },
        ["event"] = new JObject { ["type"] = "app_mention", ["user"] = "UASKER", ["text"] = text, ["ts"] = ts, ["channel"] = "C123" },
    }.ToString();

    private static string DirectMessage(string eventId, string user, string text, string? extraKey = null, string? extraValue = null)
    {
        var slackEvent = new JObject { ["type"] = "message", ["channel_type"] = "im", ["user"] = user, ["text"] = text, ["ts"] = "1700000001.000100", ["channel"] = "D123" };
        if (extraKey is not null)
        {
            slackEvent[extraKey] = extraValue;
        }

        return new JObject
        {
            ["type"] = "event_callback",
            ["team_id"] = "T1",
            ["event_id"] = eventId,
            ["authorizations"] = new JArray { new JObject { ["user_id"] = "UBOT", ["is_bot"] = true } },
            ["event"] = slackEvent,
        }.ToString();
    }
}
