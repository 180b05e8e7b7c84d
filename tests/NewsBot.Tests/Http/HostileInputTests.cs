using System.Net;
using System.Text;
using NewsBot.Tests.Security;
using Newtonsoft.Json.Linq;

namespace NewsBot.Tests.Http;

/// <summary>
/// Every hostile input to /api/messages is a 4xx, logged as a warning at most and without a stack trace: malformed
/// tokens (with an app id, before the body is read), bodies that are not activities, and bad service URLs.
/// </summary>
public sealed class HostileInputTests : IAsyncLifetime
{
    private const string AppId = "00000000-0000-0000-0000-000000000001";
    private readonly TestKnowledge _knowledge = new();
    private readonly TestKnowledge _localKnowledge = new();
    private SecurityBotFactory _authenticated = null!;
    private SecurityBotFactory _local = null!;

    public async ValueTask InitializeAsync()
    {
        _authenticated = new SecurityBotFactory(_knowledge, new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = AppId,
            ["MicrosoftAppPassword"] = "not-a-real-secret",
            ["MicrosoftAppType"] = "MultiTenant",
        });
        _local = new SecurityBotFactory(_localKnowledge);
        _ = _authenticated.Server;
        _ = _local.Server;
        await _local.ReadyAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _authenticated.DisposeAsync();
        await _local.DisposeAsync();
        _knowledge.Dispose();
        _localKnowledge.Dispose();
    }

    public static TheoryData<string> MalformedTokens => new()
    {
        "Bearer aaa.bbb.ccc",
        "Bearer " + Part("not json at all") + "." + Part("""{"aud":"x"}""") + ".c2ln",
        "Bearer " + Part("""{"alg":"RS256","typ":"JWT"}""") + "." + Part("not json either") + ".c2ln",
        "Bearer a.b.c.d.e",
        "Bearer " + Part("""{"alg":"RS256","typ":"JWT"}""") + "." + Part($$"""{"aud":"{{AppId}}","iss":"https://api.botframework.com","exp":"soon"}""") + ".c2ln",
        "Bearer " + Part("""{"alg":"RS256","typ":"JWT"}""") + "." + Part("{\"aud\":\"" + AppId + "\",\"nbf\":[1,2],\"ver\":{\"x\":1}}") + ".c2ln",
        "Bearer ....",
        "Bearer ",
        "Bearer",
        "Basic dXNlcjpwYXNz",
        "",
    };

    [Theory]
    [MemberData(nameof(MalformedTokens))]
    public async Task MalformedToken_Gets401_WithoutAStackTrace(string authorization)
    {
        using var client = _authenticated.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = LocalModeTests.Json(LocalModeTests.Message("https://smba.trafficmanager.net/teams/", "hi")) };
        if (authorization.Length > 0)
        {
            request.Headers.TryAddWithoutValidation("Authorization", authorization);
        }

        using var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.True(_authenticated.Logs.Contains(LogLevel.Warning, "invalid token"));
        Assert.Empty(_authenticated.Logs.Loud);
    }

    public static TheoryData<string> NotActivities => new()
    {
        "{ not json",
        "\u0001\u0002binary\u0000\u00ff",
        new string('[', 100) + new string(']', 100),
        "{\"type\":\"message\",\"text\":" + new string('[', 100) + new string(']', 100) + "}",
        "[]",
        "\"a string\"",
        "null",
        string.Empty,
    };

    [Theory]
    [MemberData(nameof(NotActivities))]
    public async Task BodyThatIsNotAnActivity_Gets400_WithoutAStackTrace(string body)
    {
        using var client = _local.CreateClient();

        using var response = await client.PostAsync("/api/messages", new StringContent(body, Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_local.Logs.Loud);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not a url")]
    [InlineData("/relative/path")]
    [InlineData("ftp://127.0.0.1/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("http://user:secret@127.0.0.1/")]
    [InlineData("http://")]
    public async Task MissingOrMalformedServiceUrl_Gets400_WithoutAStackTrace(string? serviceUrl)
    {
        using var client = _local.CreateClient();
        var activity = LocalModeTests.Message("http://127.0.0.1/", "hi");
        activity["serviceUrl"] = serviceUrl is null ? null : JValue.CreateString(serviceUrl);
        if (serviceUrl is null)
        {
            activity.Remove("serviceUrl");
        }

        using var response = await client.PostAsync("/api/messages", LocalModeTests.Json(activity), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(_local.Logs.Contains(LogLevel.Warning, "serviceUrl"));
        Assert.Empty(_local.Logs.Loud);
    }

    [Fact]
    public async Task OversizedBody_Gets413()
    {
        using var client = _local.CreateClient();
        var activity = LocalModeTests.Message("http://127.0.0.1/", new string('x', 300 * 1024));

        using var response = await client.PostAsync("/api/messages", LocalModeTests.Json(activity), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.True(_local.Logs.Contains(LogLevel.Warning, "Bot:MaxActivityBytes"));
    }

    private static string Part(string text) => Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(text);
}
