using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Collection;
using NewsBot.Tests.Http;
using Newtonsoft.Json.Linq;

namespace NewsBot.Tests.Curation;

/// <summary>The running bot polls _feeds.yml on its schedule (a fake clock here) and tells curators how many drafts wait.</summary>
public sealed class FeedPollingTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 11, 26, 8, 0, 0, TimeSpan.Zero);
    private readonly TestKnowledge _knowledge = new();
    private readonly FakeTimeProvider _time = new(Start);
    private PageServer _pages = null!;
    private NewsBotFactory _factory = null!;
    private WebApplicationFactory<Program> _app = null!;
    private CaptureConnector _connector = null!;

    public async ValueTask InitializeAsync()
    {
        _pages = await PageServer.StartAsync();
        _factory = new NewsBotFactory(_knowledge);
        _app = _factory.WithWebHostBuilder(builder =>
        {
            builder.UseSetting("Curation:AllowPrivateHosts", "true");
            builder.UseSetting("Curation:Curators:0", "curator-1");
            builder.UseSetting("Curation:FeedSchedule", "0 * * * *");
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_time));
        });
        _connector = await CaptureConnector.StartAsync();
        _ = _app.Server;
        await _app.Services.GetRequiredService<CollectionState>().Ready.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        await _factory.DisposeAsync();
        await _connector.DisposeAsync();
        await _pages.DisposeAsync();
        _knowledge.Dispose();
    }

    [Fact]
    public async Task ScheduledPoll_DraftsTheFeedsNewStories_AndTellsTheCurator()
    {
        // The curator's conversation is remembered when they use a curation command.
        await PostAsync("drafts");
        Assert.StartsWith("No drafts wait for review.", (await _connector.NextReplyAsync())["text"]!.ToString());
        _knowledge.Write("_feeds.yml", $"feeds:\n  - url: {_pages.Base}/feeds/rss.xml\n    tags: [contoso]\n");

        // The service sleeps on the fake clock until 09:00; nudge it again in case it was not asleep yet.
        JObject? notice = null;
        for (var attempt = 0; notice is null && attempt < 10; attempt++)
        {
            _time.Advance(TimeSpan.FromHours(1));
            try
            {
                notice = await _connector.NextReplyAsync(TimeSpan.FromSeconds(2));
            }
            catch (OperationCanceledException)
            {
            }
        }

        Assert.NotNull(notice);
        Assert.Equal("conversation-1", notice["conversation"]!["id"]!.ToString());
        Assert.Equal("2 new drafts from your feeds: 2 drafts wait for review. Send `drafts` to see them.", notice["text"]!.ToString());
        Assert.Equal(2, Directory.EnumerateFiles(Path.Combine(_knowledge.KnowledgePath, "_drafts"), "*.md", SearchOption.AllDirectories).Count());
    }

    private async Task PostAsync(string text)
    {
        var activity = new JObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = "webchat",
            ["serviceUrl"] = _connector.ServiceUrl,
            ["from"] = new JObject { ["id"] = "curator-1", ["name"] = "Curator" },
            ["recipient"] = new JObject { ["id"] = "newsbot", ["name"] = "NewsBot" },
            ["conversation"] = new JObject { ["id"] = "conversation-1" },
            ["text"] = text,
        };
        using var client = _app.CreateClient();
        using var content = new StringContent(activity.ToString(), Encoding.UTF8, "application/json");
        (await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content)).EnsureSuccessStatusCode();
    }
}
