using System.Net;
using System.Text;

namespace NewsBot.Tests.Http;

/// <summary>With a Bot Framework app id configured, the SDK's own validation rejects requests without a valid token.</summary>
public sealed class AuthenticationTests : IAsyncLifetime
{
    private const string TeamsMessage = """
        {"type":"message","id":"1","text":"hi","channelId":"msteams","serviceUrl":"https://smba.trafficmanager.net/teams/","from":{"id":"u"},"recipient":{"id":"b"},"conversation":{"id":"c"}}
        """;

    private readonly TestKnowledge _knowledge = new();
    private NewsBotFactory _factory = null!;

    public ValueTask InitializeAsync()
    {
        _factory = new NewsBotFactory(_knowledge, appId: "00000000-0000-0000-0000-000000000001");
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        _knowledge.Dispose();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Bearer not-a-token")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task Message_WithoutAValidToken_Gets401(string? authorization)
    {
        using var client = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(TeamsMessage, Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    /// <summary>
    /// A well-formed but forged token can only be rejected after fetching Bot Framework's signing keys. Without
    /// network (as here) the bot fails closed with 503 rather than a server error; with network the SDK answers 401.
    /// </summary>
    [Fact]
    public async Task Message_WithAForgedWellFormedToken_IsRefused()
    {
        using var client = _factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages")
        {
            Content = new StringContent(TeamsMessage, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJhdWQiOiIwMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDEiLCJpc3MiOiJodHRwczovL2FwaS5ib3RmcmFtZXdvcmsuY29tIn0.c2lnbmF0dXJl");

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Unauthorized, HttpStatusCode.ServiceUnavailable });
    }
}
