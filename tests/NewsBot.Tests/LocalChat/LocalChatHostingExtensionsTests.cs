using System.Net;
using System.Text;

namespace NewsBot.Tests.LocalChat;

/// <summary>With a MicrosoftAppId the bot is not in local mode: no chat page, no Direct Line emulation, no local connector.</summary>
public sealed class LocalChatHostingExtensionsTests(LocalChatHostingExtensionsTests.CloudModeServer cloud) : IClassFixture<LocalChatHostingExtensionsTests.CloudModeServer>
{
    private readonly LocalChatServer _server = cloud.Server;

    [Fact]
    public async Task Root_Gets404_SayingThePageIsForLocalMode()
    {
        using var response = await _server.Client.GetAsync("/", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("local mode", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("POST", "v3/directline/tokens/generate")]
    [InlineData("POST", "v3/directline/tokens/refresh")]
    [InlineData("POST", "v3/directline/conversations")]
    [InlineData("GET", "v3/directline/conversations/c/activities")]
    [InlineData("POST", "v3/directline/conversations/c/activities")]
    [InlineData("POST", "local-connector/v3/conversations/c/activities")]
    [InlineData("POST", "local-connector/v3/conversations/c/activities/a")]
    [InlineData("GET", "index.html")]
    [InlineData("GET", "lib/webchat.js")]
    public async Task LocalChatEndpoints_DoNotExist(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent("""{"type":"message","text":"hi"}""", Encoding.UTF8, "application/json");
        }

        using var response = await _server.Client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    /// <summary>The host with a Bot Framework app id, as when connected to Azure Bot Service.</summary>
    public sealed class CloudModeServer : IAsyncLifetime
    {
        internal LocalChatServer Server { get; } = new("--MicrosoftAppId", "00000000-0000-0000-0000-000000000001", "--MicrosoftAppPassword", "not-a-real-secret");

        public ValueTask InitializeAsync() => Server.InitializeAsync();

        public ValueTask DisposeAsync() => Server.DisposeAsync();
    }
}
