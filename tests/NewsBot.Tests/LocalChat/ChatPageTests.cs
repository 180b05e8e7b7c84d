using System.Net;

namespace NewsBot.Tests.LocalChat;

/// <summary>The page and its files as the build leaves them in the output's wwwroot (the bundle comes from npm).</summary>
public sealed class ChatPageTests(LocalChatServer server) : IClassFixture<LocalChatServer>
{
    [Fact]
    public async Task Root_ServesThePage_WithWebChatFromThisServer()
    {
        using var response = await server.Client.GetAsync("/", TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<title>NewsBot</title>", html);
        Assert.Contains("Local chat: answers come from the curated articles in knowledge/", html);
        Assert.Contains("src=\"lib/webchat.js\"", html);
        Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
    }

    [Theory]
    [InlineData("chat.js", "text/javascript")]
    [InlineData("chat.css", "text/css")]
    [InlineData("lib/webchat.js", "text/javascript")]
    public async Task PageFiles_AreServed(string path, string mediaType)
    {
        using var response = await server.Client.GetAsync(path, TestContext.Current.CancellationToken);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}. lib/webchat.js is copied by build/WebChat.targets from npm; is Node.js installed?");
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }
}
