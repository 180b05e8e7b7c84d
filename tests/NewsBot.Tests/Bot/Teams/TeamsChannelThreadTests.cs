using System.Net;
using System.Text;
using NewsBot.Tests.Http;
using Newtonsoft.Json.Linq;

namespace NewsBot.Tests.Bot.Teams;

/// <summary>
/// In a Teams channel the question arrives with a conversation id ending in <c>;messageid=</c> (its thread). The SDK
/// replies to that conversation id with <c>replyToId</c> set, which is what keeps the answer in the question's thread.
/// </summary>
public sealed class TeamsChannelThreadTests : IAsyncLifetime
{
    private const string ThreadConversationId = "19:abc123@thread.tacv2;messageid=1700000000000";
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
    public async Task ChannelQuestion_IsAnsweredInItsThread()
    {
        var activity = new JObject
        {
            ["type"] = "message",
            ["id"] = "1700000000000",
            ["channelId"] = "msteams",
            ["serviceUrl"] = _connector.ServiceUrl,
            ["from"] = new JObject { ["id"] = "29:user", ["name"] = "Ada" },
            ["recipient"] = new JObject { ["id"] = "28:newsbot", ["name"] = "NewsBot" },
            ["conversation"] = new JObject { ["id"] = ThreadConversationId, ["conversationType"] = "channel", ["isGroup"] = true },
            ["channelData"] = new JObject { ["teamsChannelId"] = "19:abc123@thread.tacv2", ["team"] = new JObject { ["id"] = "19:team@thread.tacv2" } },
            ["text"] = "<at>NewsBot</at> Is Phi-2 licensed for commercial use?",
            ["entities"] = new JArray
            {
                new JObject { ["type"] = "mention", ["text"] = "<at>NewsBot</at>", ["mentioned"] = new JObject { ["id"] = "28:newsbot", ["name"] = "NewsBot" } },
            },
        };

        using var client = _factory.CreateClient();
        using var content = new StringContent(activity.ToString(), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var reply = await _connector.NextReplyAsync();
        Assert.Equal(ThreadConversationId, reply["conversation"]!.Value<string>("id"));
        Assert.Equal("1700000000000", reply.Value<string>("replyToId"));
        Assert.Contains(TestKnowledge.PhiMitUrl, reply.ToString(), StringComparison.Ordinal);
    }
}
