using System.Net;
using System.Text;
using Newtonsoft.Json.Linq;

namespace NewsBot.Tests.Http;

/// <summary>Real Activity JSON through POST /api/messages and Bot Framework's own adapter; replies over real HTTP.</summary>
public sealed class ApiMessagesTests : IAsyncLifetime
{
    private readonly TestKnowledge _knowledge = new();
    private NewsBotFactory _factory = null!;
    private CaptureConnector _connector = null!;

    public async ValueTask InitializeAsync()
    {
        _factory = new NewsBotFactory(_knowledge);
        _connector = await CaptureConnector.StartAsync();
        _ = _factory.Server;
        await _factory.ReadyAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _connector.DisposeAsync();
        _knowledge.Dispose();
    }

    [Fact]
    public async Task Message_GetsItsAnswerCardAtTheServiceUrl()
    {
        var response = await PostAsync(Message("Is Phi-2 licensed for commercial use?"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await _connector.NextReplyAsync();
        Assert.Equal("message", reply["type"]!.ToString());
        Assert.Equal("conversation-1", reply["conversation"]!["id"]!.ToString());
        var attachment = (JObject)reply["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment["contentType"]!.ToString());
        Assert.Contains(TestKnowledge.PhiMitUrl, attachment["content"]!.ToString());
    }

    [Fact]
    public async Task NewArticle_IsAnswerable_SoonAfterItIsWritten()
    {
        _knowledge.Write("2025/sora.md", TestKnowledge.Article(
            "OpenAI shows Sora video model", "https://example.org/sora", "2025-02-01",
            "OpenAI showed Sora, a model that turns text prompts into video clips up to a minute long."));

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        string content;
        do
        {
            await PostAsync(Message("What is Sora from OpenAI?"));
            content = (await _connector.NextReplyAsync()).ToString();
        }
        while (!content.Contains("https://example.org/sora", StringComparison.Ordinal) && DateTime.UtcNow < deadline);

        Assert.Contains("https://example.org/sora", content);
    }

    [Fact]
    public async Task DeletedArticle_StopsBeingCited()
    {
        File.Delete(Path.Combine(_knowledge.KnowledgePath, "2023", "llama-2.md"));

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        string content;
        do
        {
            await PostAsync(Message("How many monthly active users does the Llama 2 licence allow?"));
            content = (await _connector.NextReplyAsync()).ToString();
        }
        while (content.Contains(TestKnowledge.LlamaUrl, StringComparison.Ordinal) && DateTime.UtcNow < deadline);

        Assert.DoesNotContain(TestKnowledge.LlamaUrl, content);
    }

    [Fact]
    public async Task ArticlesOfAFolderRenamedToADraftFolder_StopBeingCited()
    {
        Directory.Move(Path.Combine(_knowledge.KnowledgePath, "2023"), Path.Combine(_knowledge.KnowledgePath, "_2023"));

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        string content;
        do
        {
            await PostAsync(Message("How many monthly active users does the Llama 2 licence allow?"));
            content = (await _connector.NextReplyAsync()).ToString();
        }
        while (content.Contains(TestKnowledge.LlamaUrl, StringComparison.Ordinal) && DateTime.UtcNow < deadline);

        Assert.DoesNotContain(TestKnowledge.LlamaUrl, content);
    }

    [Theory]
    [InlineData("")]
    [InlineData("AND OR ( * ~ \"")]
    [InlineData("-")]
    [InlineData("🤖 人工智能 ما هو")]
    public async Task OddMessages_GetAReply_NeverAServerError(string text)
    {
        var response = await PostAsync(Message(text));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await _connector.NextReplyAsync();
        Assert.False(string.IsNullOrWhiteSpace(reply["text"]?.ToString()));
    }

    [Fact]
    public async Task TenThousandCharacterMessage_GetsAReply()
    {
        var response = await PostAsync(Message(new string('x', 5_000) + " Phi-2 " + new string('y', 4_993)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(await _connector.NextReplyAsync());
    }

    [Fact]
    public async Task MalformedJson_IsRejectedWithoutAServerError()
    {
        using var client = _factory.CreateClient();
        using var content = new StringContent("{ not json", Encoding.UTF8, "application/json");

        var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Healthz_ReportsTheCollection_OnceTheIndexIsBuilt()
    {
        using var client = _factory.CreateClient();

        var response = await client.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = JObject.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("ok", body["status"]!.ToString());
        Assert.Equal(3, body["articles"]!.Value<int>());
        Assert.True(body["passages"]!.Value<int>() >= 3);
        Assert.NotNull(body["lastSync"]);
    }

    private JObject Message(string text) => new()
    {
        ["type"] = "message",
        ["id"] = Guid.NewGuid().ToString("N"),
        ["timestamp"] = "2026-11-26T09:00:00Z",
        ["channelId"] = "webchat",
        ["serviceUrl"] = _connector.ServiceUrl,
        ["from"] = new JObject { ["id"] = "user-1", ["name"] = "Ada" },
        ["recipient"] = new JObject { ["id"] = "newsbot", ["name"] = "NewsBot" },
        ["conversation"] = new JObject { ["id"] = "conversation-1" },
        ["text"] = text,
    };

    private async Task<HttpResponseMessage> PostAsync(JObject activity)
    {
        using var client = _factory.CreateClient();
        using var content = new StringContent(activity.ToString(), Encoding.UTF8, "application/json");
        return await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
    }
}
