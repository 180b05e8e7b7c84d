using System.Net;
using Newtonsoft.Json.Linq;

namespace NewsBot.Tests.LocalChat;

/// <summary>
/// Rate limits on the local chat, through the real host: a flood of new conversations is refused with 429 before it
/// can evict the conversations people are using, and one conversation cannot post without limit.
/// </summary>
public sealed class LocalChatRateLimitsTests : IAsyncLifetime
{
    // A window of a day: nothing refills while the test runs, whatever the machine's speed.
    private readonly LocalChatServer _server = new(
        "--LocalChat:NewConversationsPerWindow", "3",
        "--LocalChat:ActivitiesPerWindow", "3",
        "--LocalChat:MaxConversations", "3",
        "--LocalChat:RateLimitWindow", "1.00:00:00");

    public ValueTask InitializeAsync() => _server.InitializeAsync();

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task TokenFlood_Gets429_AndTheConversationsInUseSurvive()
    {
        var user = new DirectLineTestClient(_server.Client);
        var token = (await user.GenerateTokenAsync("first")).Value<string>("token")!;
        await user.StartAsync(token);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 20; i++)
        {
            using var response = await _server.Client.PostAsync("v3/directline/tokens/generate", null, TestContext.Current.CancellationToken);
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                Assert.NotNull(response.Headers.RetryAfter);
            }
        }

        Assert.Equal(2, statuses.Count(s => s == HttpStatusCode.OK));
        Assert.Equal(18, statuses.Count(s => s == HttpStatusCode.TooManyRequests));
        Assert.NotEmpty(await user.PollAsync());
    }

    [Fact]
    public async Task OneConversation_PostingPastItsLimit_Gets429_AndOthersCarryOn()
    {
        var busy = new DirectLineTestClient(_server.Client);
        await busy.StartAsync();
        var other = new DirectLineTestClient(_server.Client);
        await other.StartAsync();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            using var response = await busy.SendAsync(HttpMethod.Post, $"v3/directline/conversations/{busy.ConversationId}/activities", busy.Token, new JObject { ["type"] = "message", ["text"] = "latest 1" });
            statuses.Add(response.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.NotNull(await other.SendAsync("latest 1", "other-1"));
    }
}
