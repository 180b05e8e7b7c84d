using System.Net;
using System.Text;
using NewsBot.Bot;
using NewsBot.Digests;
using NewsBot.Security;
using NewsBot.Tests.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace NewsBot.Tests.Security;

/// <summary>
/// Local mode (no app id) is unauthenticated, so it serves this machine only: callers from elsewhere are refused,
/// and the bot sends replies and digests only to loopback service URLs (or those in Bot:AllowedServiceUrls).
/// </summary>
public sealed class LocalModeTests : IAsyncLifetime
{
    /// <summary>Not loopback by name; the factory sends any connection to it to 127.0.0.1, where the capture listens.</summary>
    private const string OutsideHost = "outside.newsbot.test";

    private readonly TestKnowledge _knowledge = new();
    private CaptureConnector _capture = null!;

    public async ValueTask InitializeAsync() => _capture = await CaptureConnector.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _capture.DisposeAsync();
        _knowledge.Dispose();
    }

    [Theory]
    [InlineData("/api/messages")]
    [InlineData("/local-connector/v3/conversations/c/activities")]
    [InlineData("/v3/directline/tokens/generate")]
    [InlineData("/v3/directline/conversations")]
    public async Task CallerFromAnotherMachine_Gets403_AndIsLoggedWithoutAStackTrace(string path)
    {
        await using var factory = new SecurityBotFactory(_knowledge) { RemoteAddress = IPAddress.Parse("192.0.2.7") };
        using var client = factory.CreateClient();

        using var response = await client.PostAsync(path, Json(Message("http://127.0.0.1:1/", "latest")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.True(factory.Logs.Contains(LogLevel.Warning, "192.0.2.7"));
        Assert.Empty(factory.Logs.Loud);
    }

    [Fact]
    public async Task CallerThroughAProxyOnThisMachine_Gets403()
    {
        await using var factory = new SecurityBotFactory(_knowledge);
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = Json(Message(_capture.ServiceUrl, "latest")) };
        request.Headers.Add("X-Forwarded-For", "198.51.100.4");

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task AllowRemote_OpensTheChatToOtherMachines_ButNotApiMessagesNorTheConnector()
    {
        var settings = new Dictionary<string, string?> { ["LocalChat:AllowRemote"] = "true" };
        await using var factory = new SecurityBotFactory(_knowledge, settings) { RemoteAddress = IPAddress.Parse("192.0.2.7") };
        using var client = factory.CreateClient();

        using var token = await client.PostAsync("/v3/directline/tokens/generate", null, TestContext.Current.CancellationToken);
        using var messages = await client.PostAsync("/api/messages", Json(Message(_capture.ServiceUrl, "latest")), TestContext.Current.CancellationToken);
        using var connector = await client.PostAsync("/local-connector/v3/conversations/c/activities", Json(new JObject { ["type"] = "message" }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, messages.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, connector.StatusCode);
    }

    [Theory]
    [InlineData("http://" + OutsideHost + ":{port}/")]
    [InlineData("http://169.254.169.254:{port}/latest/")]
    [InlineData("http://10.0.0.1:{port}/")]
    public async Task ServiceUrlOffThisMachine_IsNeverCalled_AndTheRequestGets403(string serviceUrl)
    {
        await using var factory = new SecurityBotFactory(_knowledge);
        using var client = factory.CreateClient();
        await factory.ReadyAsync();
        var port = new Uri(_capture.ServiceUrl).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

        using var refused = await client.PostAsync("/api/messages", Json(Message(serviceUrl.Replace("{port}", port, StringComparison.Ordinal), "latest")), TestContext.Current.CancellationToken);
        using var allowed = await client.PostAsync("/api/messages", Json(Message($"http://localhost:{port}/", "latest 1")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);

        // The allowed one's reply is the first (and only) thing the capture sees: the refused one was never sent.
        var reply = await _capture.NextReplyAsync();
        Assert.Contains("newest", reply.ToString(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(factory.OutboundHosts, host => host != "localhost");
        Assert.True(factory.Logs.Contains(LogLevel.Warning, "local mode replies only to service URLs on this machine"));
        Assert.Empty(factory.Logs.Loud);
    }

    [Fact]
    public async Task AllowedServiceUrls_LetsAnOperatorAddAnAddress()
    {
        var port = new Uri(_capture.ServiceUrl).Port;
        var settings = new Dictionary<string, string?> { ["Bot:AllowedServiceUrls:0"] = $"http://{OutsideHost}:{port}/connector/" };
        await using var factory = new SecurityBotFactory(_knowledge, settings);
        using var client = factory.CreateClient();
        await factory.ReadyAsync();

        using var elsewhere = await client.PostAsync("/api/messages", Json(Message($"http://{OutsideHost}:{port}/other/", "latest")), TestContext.Current.CancellationToken);
        using var listed = await client.PostAsync("/api/messages", Json(Message($"http://{OutsideHost}:{port}/connector/", "latest 1")), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.OK, listed.StatusCode);
        Assert.Contains(OutsideHost, factory.OutboundHosts);
    }

    [Fact]
    public async Task StoredDigestSubscription_WithAServiceUrlOffThisMachine_IsNeverDeliveredTo_AndIsPaused()
    {
        // Unpaced: the pacer waits on the fake clock.
        await using var factory = new SecurityBotFactory(_knowledge, new Dictionary<string, string?> { ["Digests:MessagesPerSecond"] = "0" }) { RunDigestService = false };
        _ = factory.Server;
        await factory.ReadyAsync();
        var port = new Uri(_capture.ServiceUrl).Port;
        var store = factory.Services.GetRequiredService<IDigestSubscriptions>();
        await SubscribeAsync(store, factory.Time.GetUtcNow(), "outside", $"http://{OutsideHost}:{port}/");
        await SubscribeAsync(store, factory.Time.GetUtcNow(), "local", $"http://localhost:{port}/");

        factory.Time.Advance(TimeSpan.FromHours(1.5));
        var pass = await factory.Services.GetRequiredService<DigestDelivery>().DeliverDueAsync(CancellationToken.None);

        Assert.Equal(1, pass.Sent);
        Assert.Equal(1, pass.Paused);
        Assert.Equal("local", (await _capture.NextReplyAsync())["conversation"]!["id"]!.ToString());
        Assert.DoesNotContain(OutsideHost, factory.OutboundHosts);
        var paused = await store.FindAsync("webchat:outside", CancellationToken.None);
        Assert.Equal(DigestState.Paused, paused!.State);
        Assert.Contains("not allowed", paused.PausedReason, StringComparison.Ordinal);
        Assert.True(factory.Logs.Contains(LogLevel.Warning, OutsideHost));
        Assert.Empty(factory.Logs.Loud);
    }

    [Fact]
    public async Task LocalChatOff_ServesNoBotFrameworkEndpoint()
    {
        await using var factory = new SecurityBotFactory(_knowledge, new Dictionary<string, string?> { ["LocalChat:Enabled"] = "false" });
        using var client = factory.CreateClient();

        using var messages = await client.PostAsync("/api/messages", Json(Message(_capture.ServiceUrl, "latest")), TestContext.Current.CancellationToken);
        using var page = await client.GetAsync("/", TestContext.Current.CancellationToken);
        using var token = await client.PostAsync("/v3/directline/tokens/generate", null, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, messages.StatusCode);
        Assert.Contains("Bot Framework is off", await messages.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, token.StatusCode);
    }

    private static async Task SubscribeAsync(IDigestSubscriptions store, DateTimeOffset now, string conversationId, string serviceUrl)
    {
        var reference = new Microsoft.Bot.Schema.ConversationReference
        {
            ChannelId = "webchat",
            ServiceUrl = serviceUrl,
            Conversation = new Microsoft.Bot.Schema.ConversationAccount { Id = conversationId },
            Bot = new Microsoft.Bot.Schema.ChannelAccount { Id = "newsbot" },
        };
        Assert.True(DigestSchedule.TryParseTime("09:00", out var at));
        await store.SaveAsync(DigestSubscription.New($"webchat:{conversationId}", "webchat", JsonConvert.SerializeObject(reference), at, "UTC", TimeZoneInfo.Utc, now), CancellationToken.None);
    }

    internal static JObject Message(string serviceUrl, string text) => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["channelId"] = "webchat",
        ["serviceUrl"] = serviceUrl,
        ["from"] = new JObject { ["id"] = "user-1" },
        ["recipient"] = new JObject { ["id"] = "newsbot" },
        ["conversation"] = new JObject { ["id"] = "conversation-1" },
        ["text"] = text,
    };

    internal static StringContent Json(JObject json) => new(json.ToString(), Encoding.UTF8, "application/json");
}
