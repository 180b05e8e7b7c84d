using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Bot.Builder;
using NewsBot.Bot.Commands;
using NewsBot.Collection;
using NewsBot.Slack;
using NewsBot.Tests.Http;
using NewsBot.Tests.LocalChat;
using NewsBot.Tests.Slack;
using Newtonsoft.Json.Linq;

namespace NewsBot.Tests.Bot;

/// <summary>
/// One pipeline: a command registered in <see cref="CommandRouter"/> and nowhere else answers in Teams and Web Chat
/// (<c>/api/messages</c>), in Slack reached directly (a mention and the slash command, signed as Slack signs them) and
/// on the local chat page (its Direct Line emulation), all from the real host on Kestrel.
/// </summary>
public sealed class OnePipelineTests : IAsyncLifetime
{
    private readonly TestKnowledge _knowledge = new();
    private CaptureConnector _connector = null!;
    private SlackApiRecorder _slack = null!;
    private PipelineFactory _factory = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        _connector = await CaptureConnector.StartAsync();
        _slack = await SlackApiRecorder.StartAsync();
        _factory = new PipelineFactory(_knowledge, _slack.BaseUrl);
        _factory.UseKestrel();
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        _client = new HttpClient { BaseAddress = new Uri(address + "/"), Timeout = TimeSpan.FromSeconds(30) };
        await _factory.Services.GetRequiredService<CollectionState>().Ready.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
        await _slack.DisposeAsync();
        await _connector.DisposeAsync();
        _knowledge.Dispose();
    }

    [Theory]
    [InlineData("msteams", "personal")]
    [InlineData("webchat", null)]
    public async Task RouterOnlyCommand_AnswersThroughApiMessages(string channelId, string? conversationType)
    {
        var activity = new JObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = channelId,
            ["serviceUrl"] = _connector.ServiceUrl,
            ["from"] = new JObject { ["id"] = "user-1", ["name"] = "Ada" },
            ["recipient"] = new JObject { ["id"] = "newsbot", ["name"] = "NewsBot" },
            ["conversation"] = new JObject { ["id"] = "conversation-" + channelId, ["conversationType"] = conversationType },
            ["text"] = "echo-pipeline hello",
        };
        using var content = new StringContent(activity.ToString(), Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync(new Uri("api/messages", UriKind.Relative), content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await _connector.NextReplyAsync();
        Assert.Equal($"echo from {channelId}: hello", reply.Value<string>("text"));
    }

    [Fact]
    public async Task RouterOnlyCommand_AnswersASlackMention_InItsThread()
    {
        var body = new JObject
        {
            ["type"] = "event_callback",
            ["team_id"] = "T1",
            ["event_id"] = "EvPipeline",
            ["authorizations"] = new JArray { new JObject { ["user_id"] = "UBOT", ["is_bot"] = true } },
            ["event"] = new JObject { ["type"] = "app_mention", ["user"] = "UASKER", ["text"] = "<@UBOT> echo-pipeline hello", ["ts"] = "1700000000.000200", ["channel"] = "C123" },
        }.ToString();
        using var response = await _client.SendAsync(Signed("api/slack", body, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var call = await _slack.NextCallAsync();
        Assert.Equal("C123", call.Body.Value<string>("channel"));
        Assert.Equal("1700000000.000200", call.Body.Value<string>("thread_ts"));
        Assert.Equal("echo from slack-direct: hello", call.Body.Value<string>("text"));
    }

    [Fact]
    public async Task RouterOnlyCommand_AnswersTheSlackSlashCommand()
    {
        var body = "token=x&team_id=T1&channel_id=C777&user_id=UASKER&command=%2Fainews&text=" + Uri.EscapeDataString("echo-pipeline hello");
        using var response = await _client.SendAsync(Signed("api/slack/commands", body, "application/x-www-form-urlencoded"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = JObject.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("ephemeral", message.Value<string>("response_type"));
        Assert.Equal("echo from slack-direct: hello", message.Value<string>("text"));
    }

    [Fact]
    public async Task RouterOnlyCommand_AnswersOnTheLocalChatPage()
    {
        var page = new DirectLineTestClient(_client);
        await page.StartAsync();
        await page.WaitForAsync(DirectLineTestClient.IsFromBot);

        await page.SendAsync("echo-pipeline hello", "client-echo");

        var reply = await page.WaitForAsync(a => DirectLineTestClient.IsFromBot(a) && a.Value<string>("text") is { } text && text.StartsWith("echo from", StringComparison.Ordinal));
        Assert.Equal("echo from webchat: hello", reply.Value<string>("text"));
    }

    private static HttpRequestMessage Signed(string path, string body, string mediaType)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        request.Headers.Add(SlackSignature.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Compute(SlackBotFactory.SigningSecret, timestamp, Encoding.UTF8.GetBytes(body)));
        return request;
    }

    /// <summary>A command the product does not have, registered the way every command is: only into the router's table.</summary>
    private sealed class EchoCommand : IBotCommand
    {
        public string Name => "echo-pipeline";

        public string Usage => "echo-pipeline <text>";

        public string Description => "says which channel it was reached from";

        public Task ExecuteAsync(ITurnContext turnContext, string arguments, CancellationToken cancellationToken) =>
            turnContext.SendActivityAsync($"echo from {turnContext.Activity.ChannelId}: {arguments}", cancellationToken: cancellationToken);
    }

    /// <summary>The real app in local mode with Slack configured, on 127.0.0.1, plus <see cref="EchoCommand"/>.</summary>
    private sealed class PipelineFactory(TestKnowledge knowledge, string slackApiBaseUrl) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("urls", "http://127.0.0.1:0");
            builder.UseSetting("Knowledge:Path", knowledge.KnowledgePath);
            builder.UseSetting("Knowledge:Semantic", "false");
            builder.UseSetting("Storage:Path", knowledge.DataPath);
            foreach (var (key, value) in knowledge.StorageSettings)
            {
                builder.UseSetting(key, value);
            }

            builder.UseSetting("Slack:SigningSecret", SlackBotFactory.SigningSecret);
            builder.UseSetting("Slack:BotToken", SlackBotFactory.BotToken);
            builder.UseSetting("Slack:ApiBaseUrl", slackApiBaseUrl);
            builder.ConfigureTestServices(services => services.AddSingleton<IBotCommand, EchoCommand>());
        }
    }
}
