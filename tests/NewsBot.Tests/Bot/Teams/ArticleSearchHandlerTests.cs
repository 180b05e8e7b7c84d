using System.Net;
using System.Text;
using NewsBot.Tests.Http;
using Newtonsoft.Json.Linq;

namespace NewsBot.Tests.Bot.Teams;

/// <summary>The "Search AI news" message extension: <c>composeExtension/query</c> invokes through <c>/api/messages</c>.</summary>
public sealed class ArticleSearchHandlerTests : IAsyncLifetime
{
    private readonly TestKnowledge _knowledge = new();
    private NewsBotFactory _factory = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = new NewsBotFactory(_knowledge);
        _ = _factory.Server;
        await _factory.ReadyAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        _knowledge.Dispose();
    }

    [Fact]
    public async Task Query_ReturnsMatchingArticles_WithThumbnailPreviewAndAdaptiveCard()
    {
        var result = await QueryAsync("Phi-2 MIT licence");

        var attachments = (JArray)result["attachments"]!;
        Assert.Equal("result", result.Value<string>("type"));
        Assert.Equal("list", result.Value<string>("attachmentLayout"));
        Assert.NotEmpty(attachments);
        var first = attachments[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", first.Value<string>("contentType"));
        Assert.Equal("1.5", first["content"]!.Value<string>("version"));
        Assert.Contains(TestKnowledge.PhiMitUrl, first["content"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal("application/vnd.microsoft.card.thumbnail", first["preview"]!.Value<string>("contentType"));
        Assert.Equal("Microsoft moves Phi-2 to the MIT licence", first["preview"]!["content"]!.Value<string>("title"));
        Assert.Contains("MIT licence", first["content"]!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public async Task EmptyQuery_ReturnsTheNewestArticles(string? text)
    {
        var result = await QueryAsync(text, initialRun: true);

        var titles = result["attachments"]!.Select(a => a["preview"]!["content"]!.Value<string>("title")).ToList();
        Assert.Equal(["Microsoft moves Phi-2 to the MIT licence", "Microsoft releases Phi-2 for research use", "Meta releases Llama 2"], titles);
    }

    [Fact]
    public async Task Query_PagesWithSkipAndCount()
    {
        var result = await QueryAsync(string.Empty, skip: 1, count: 1);

        var attachment = Assert.Single((JArray)result["attachments"]!);
        Assert.Equal("Microsoft releases Phi-2 for research use", attachment["preview"]!["content"]!.Value<string>("title"));
    }

    [Fact]
    public async Task Query_WithNoMatch_ReturnsAnEmptyList()
    {
        var result = await QueryAsync("zzzqqq");

        Assert.Empty((JArray)result["attachments"]!);
    }

    private async Task<JObject> QueryAsync(string? text, bool initialRun = false, int skip = 0, int count = 10)
    {
        var parameters = new JArray();
        if (text is not null)
        {
            parameters.Add(new JObject { ["name"] = "searchQuery", ["value"] = text });
        }

        if (initialRun)
        {
            parameters.Add(new JObject { ["name"] = "initialRun", ["value"] = "true" });
        }

        var activity = new JObject
        {
            ["type"] = "invoke",
            ["name"] = "composeExtension/query",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = "msteams",
            // Local mode answers only service URLs on this machine; an invoke's answer is the HTTP response anyway.
            ["serviceUrl"] = "http://localhost/teams/",
            ["from"] = new JObject { ["id"] = "29:user", ["aadObjectId"] = "00000000-0000-0000-0000-000000000001" },
            ["recipient"] = new JObject { ["id"] = "28:newsbot" },
            ["conversation"] = new JObject { ["id"] = "a:personal-chat", ["conversationType"] = "personal" },
            ["value"] = new JObject
            {
                ["commandId"] = "searchNews",
                ["parameters"] = parameters,
                ["queryOptions"] = new JObject { ["skip"] = skip, ["count"] = count },
            },
        };

        using var client = _factory.CreateClient();
        using var content = new StringContent(activity.ToString(), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        return (JObject)body["composeExtension"]!;
    }
}
