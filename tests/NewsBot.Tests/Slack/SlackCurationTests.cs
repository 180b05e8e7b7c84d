using System.Net;
using NewsBot.Curation;
using NewsBot.Tests.Curation;
using Newtonsoft.Json.Linq;

namespace NewsBot.Tests.Slack;

/// <summary>Slack reached directly has no curation: <c>add &lt;url&gt;</c> there is refused and fetches nothing.</summary>
public sealed class SlackCurationTests : IAsyncLifetime
{
    private readonly TestKnowledge _knowledge = new();
    private SlackApiRecorder _slack = null!;
    private SlackBotFactory _factory = null!;
    private PageServer _pages = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _pages = await PageServer.StartAsync();
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
        await _pages.DisposeAsync();
        _knowledge.Dispose();
    }

    [Theory]
    [InlineData("add {base}/og-only")]
    [InlineData("drafts")]
    [InlineData("publish 2024/some-draft")]
    public async Task SlashCommand_CurationCommand_IsRefused_AndFetchesNothing(string text)
    {
        var body = "token=x&team_id=T1&channel_id=C777&user_id=UASKER&command=%2Fainews&text=" + Uri.EscapeDataString(text.Replace("{base}", _pages.Base, StringComparison.Ordinal));
        using var response = await _client.SendAsync(_factory.Signed("/api/slack/commands", body, "application/x-www-form-urlencoded"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = JObject.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal(DraftReplies.NotOnSlackDirect, message.Value<string>("text"));
        Assert.Empty(_pages.Requests);
    }
}
