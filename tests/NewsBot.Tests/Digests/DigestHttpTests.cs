using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Collection;
using NewsBot.Tests.Http;
using Newtonsoft.Json.Linq;

namespace NewsBot.Tests.Digests;

/// <summary>
/// Digests through the real host: <c>digest on</c> and <c>digest now</c> as Activity JSON on /api/messages, and the
/// scheduled digest posted proactively by the delivery service to the conversation's serviceUrl, on a fake clock.
/// </summary>
public sealed class DigestHttpTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);
    private readonly TestKnowledge _knowledge = new();
    private readonly FakeTimeProvider _time = new(Start);
    private NewsBotFactory _factory = null!;
    private WebApplicationFactory<Program> _app = null!;
    private CaptureConnector _connector = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = new NewsBotFactory(_knowledge);
        _app = _factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_time)));
        _connector = await CaptureConnector.StartAsync();
        _ = _app.Server;
        await _app.Services.GetRequiredService<CollectionState>().Ready.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _factory.DisposeAsync();
        await _connector.DisposeAsync();
        _knowledge.Dispose();
    }

    [Fact]
    public async Task DigestNow_PostsTheDigestToTheConversationsServiceUrl()
    {
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("digest on")).StatusCode);
        Assert.Contains("Subscribed", (await _connector.NextReplyAsync())["text"]!.ToString());

        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await PostAsync("digest now")).StatusCode);

        var digest = await _connector.NextReplyAsync();
        Assert.Equal("conversation-1", digest["conversation"]!["id"]!.ToString());
        var attachment = (JObject)digest["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.ToString());
        Assert.Contains("AI news digest: 3 new articles", attachment["content"]!.ToString());
        Assert.Contains(TestKnowledge.PhiMitUrl, attachment["content"]!.ToString());
    }

    [Fact]
    public async Task ScheduledDigest_IsPostedProactively_AtNine()
    {
        await PostAsync("digest on 09:00 UTC");
        await _connector.NextReplyAsync();

        // The service sleeps on the fake clock; nudge it again in case it was still between passes when the hour passed.
        _time.Advance(TimeSpan.FromHours(1));
        JObject? digest = null;
        for (var attempt = 0; digest is null && attempt < 10; attempt++)
        {
            try
            {
                digest = await _connector.NextReplyAsync(TimeSpan.FromSeconds(2));
            }
            catch (OperationCanceledException)
            {
                _time.Advance(TimeSpan.FromMinutes(1));
            }
        }

        Assert.NotNull(digest);
        Assert.Equal("message", digest["type"]!.ToString());
        Assert.Equal("conversation-1", digest["conversation"]!["id"]!.ToString());
        Assert.Contains(TestKnowledge.LlamaUrl, digest["attachments"]![0]!["content"]!.ToString());
        Assert.StartsWith("AI news digest", digest["summary"]!.ToString(), StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> PostAsync(string text)
    {
        var activity = new JObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["timestamp"] = "2026-11-26T08:00:00Z",
            ["channelId"] = "webchat",
            ["serviceUrl"] = _connector.ServiceUrl,
            ["from"] = new JObject { ["id"] = "user-1", ["name"] = "Ada" },
            ["recipient"] = new JObject { ["id"] = "newsbot", ["name"] = "NewsBot" },
            ["conversation"] = new JObject { ["id"] = "conversation-1" },
            ["text"] = text,
        };
        using var client = _app.CreateClient();
        using var content = new StringContent(activity.ToString(), Encoding.UTF8, "application/json");
        return await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
    }
}
