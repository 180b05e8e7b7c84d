using System.Net;
using Newtonsoft.Json.Linq;

namespace NewsBot.Tests.LocalChat;

/// <summary>The local Direct Line emulation over real HTTP, with the real bot answering from a temporary knowledge folder.</summary>
public sealed class DirectLineEndpointsTests(LocalChatServer server) : IClassFixture<LocalChatServer>
{
    private readonly DirectLineTestClient _client = new(server.Client);

    [Fact]
    public async Task StartConversation_ReturnsItsToken_AndTheBotsWelcomeArrives()
    {
        var (status, body) = await _client.StartAsync();

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.False(string.IsNullOrEmpty(_client.ConversationId));
        Assert.False(string.IsNullOrEmpty(_client.Token));
        Assert.True(body.Value<int>("expires_in") > 0);
        Assert.Null(body["streamUrl"]);
        var welcome = await _client.WaitForAsync(DirectLineTestClient.IsFromBot);
        Assert.Equal("message", welcome.Value<string>("type"));
        Assert.Contains("curated collection of AI news", welcome.Value<string>("text"));
        Assert.Equal(_client.ConversationId, welcome["conversation"]!.Value<string>("id"));
    }

    [Fact]
    public async Task PostedQuestion_IsEchoedWithItsClientActivityId_ThenAnsweredWithACardLinkingTheSource()
    {
        await _client.StartAsync();
        await _client.WaitForAsync(DirectLineTestClient.IsFromBot);

        var id = await _client.SendAsync(DirectLineTestClient.Question, "client-1");

        var echo = await _client.WaitForAsync(a => a.Value<string>("id") == id);
        Assert.Equal("user", echo["from"]!.Value<string>("role"));
        Assert.Equal("client-1", echo["channelData"]!.Value<string>("clientActivityID"));
        Assert.Equal(DirectLineTestClient.Question, echo.Value<string>("text"));
        Assert.NotNull(echo["timestamp"]);
        var answer = await _client.WaitForAsync(a => DirectLineTestClient.IsFromBot(a) && a["attachments"] is JArray { Count: > 0 });
        Assert.Equal(id, answer.Value<string>("replyToId"));
        var card = (JObject)answer["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", card.Value<string>("contentType"));
        Assert.Equal("AdaptiveCard", card["content"]!.Value<string>("type"));
        Assert.Contains(TestKnowledge.PhiMitUrl, card["content"]!.ToString());
    }

    [Fact]
    public async Task Poll_ReturnsOnlyActivitiesAfterTheWatermark()
    {
        await _client.StartAsync();
        var first = await _client.PollAsync();
        var afterWelcome = _client.Watermark;
        Assert.Single(first);

        var id = await _client.SendAsync("help", "client-2");
        var later = await _client.PollAsync();
        var again = await _client.PollAsync();

        Assert.NotEqual(afterWelcome, _client.Watermark);
        Assert.Equal(id, later[0].Value<string>("id"));
        Assert.DoesNotContain(later, a => a["text"]?.ToString().Contains("curated collection", StringComparison.Ordinal) == true);
        Assert.Empty(again);
        using var fromStart = await _client.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{_client.ConversationId}/activities", _client.Token);
        Assert.Equal(first.Count + later.Count, ((JArray)JObject.Parse(await fromStart.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))["activities"]!).Count);
    }

    [Fact]
    public async Task Poll_WithAWatermarkThatIsNotANumber_Gets400()
    {
        await _client.StartAsync();

        using var response = await _client.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{_client.ConversationId}/activities?watermark=abc", _client.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("wrong")]
    [InlineData("other conversation's")]
    public async Task ConversationCalls_WithoutTheConversationsToken_Get401(string token)
    {
        await _client.StartAsync();
        var other = new DirectLineTestClient(server.Client);
        await other.StartAsync();
        var presented = token switch
        {
            "none" => null,
            "wrong" => _client.ConversationId + ".not-the-secret",
            _ => other.Token,
        };
        var activities = $"v3/directline/conversations/{_client.ConversationId}/activities";

        using var get = await _client.SendAsync(HttpMethod.Get, activities, presented);
        using var post = await _client.SendAsync(HttpMethod.Post, activities, presented, new JObject { ["type"] = "message", ["text"] = "hi" });

        Assert.Equal(HttpStatusCode.Unauthorized, get.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, post.StatusCode);
    }

    [Fact]
    public async Task GeneratedToken_StartsItsConversationOnce_WithTheUserItNamed()
    {
        var generated = await _client.GenerateTokenAsync("page-user");
        var token = generated.Value<string>("token")!;

        var (status, body) = await _client.StartAsync(token);
        var (secondStatus, _) = await _client.StartAsync(token);

        Assert.Equal(HttpStatusCode.Created, status);
        Assert.Equal(HttpStatusCode.OK, secondStatus);
        Assert.Equal(generated.Value<string>("conversationId"), body.Value<string>("conversationId"));
        var welcome = await _client.WaitForAsync(DirectLineTestClient.IsFromBot);
        Assert.Equal("page-user", welcome["recipient"]!.Value<string>("id"));
        Assert.Empty(await _client.PollAsync());
    }

    [Fact]
    public async Task RefreshedToken_Works_AndRefreshNeedsAValidToken()
    {
        await _client.StartAsync();

        using var refresh = await _client.SendAsync(HttpMethod.Post, "v3/directline/tokens/refresh", _client.Token);
        using var forged = await _client.SendAsync(HttpMethod.Post, "v3/directline/tokens/refresh", "forged");

        Assert.Equal(HttpStatusCode.OK, refresh.StatusCode);
        var refreshed = JObject.Parse(await refresh.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(_client.ConversationId, refreshed.Value<string>("conversationId"));
        var newToken = refreshed.Value<string>("token")!;
        Assert.NotEqual(_client.Token, newToken);
        using var poll = await _client.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{_client.ConversationId}/activities", newToken);
        Assert.Equal(HttpStatusCode.OK, poll.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }

    [Fact]
    public async Task LocalConnector_SendsUpdatesAndDeletesTheBotsActivities()
    {
        await _client.StartAsync();
        await _client.WaitForAsync(DirectLineTestClient.IsFromBot);
        var connector = $"local-connector/v3/conversations/{_client.ConversationId}/activities";

        using var sent = await _client.SendAsync(HttpMethod.Post, connector, token: null, new JObject { ["type"] = "message", ["text"] = "first" });
        var id = JObject.Parse(await sent.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Value<string>("id")!;
        var first = await _client.WaitForAsync(a => a.Value<string>("id") == id);
        using var updated = await _client.SendAsync(HttpMethod.Put, $"{connector}/{Uri.EscapeDataString(id)}", token: null, new JObject { ["type"] = "message", ["text"] = "second" });
        var second = await _client.WaitForAsync(a => a.Value<string>("id") == id);
        using var deleted = await _client.SendAsync(HttpMethod.Delete, $"{connector}/{Uri.EscapeDataString(id)}", token: null);
        using var unknown = await _client.SendAsync(HttpMethod.Post, "local-connector/v3/conversations/no-such-conversation/activities", token: null, new JObject { ["type"] = "message" });

        Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
        Assert.Equal("bot", first["from"]!.Value<string>("role"));
        Assert.Equal("first", first.Value<string>("text"));
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        Assert.Equal("second", second.Value<string>("text"));
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        using var all = await _client.SendAsync(HttpMethod.Get, $"v3/directline/conversations/{_client.ConversationId}/activities", _client.Token);
        Assert.DoesNotContain(id, await all.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }
}
