using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using NewsBot.Bot;
using NewsBot.Digests;

namespace NewsBot.Tests.Digests;

/// <summary>The real adapter against a connector that refuses every post.</summary>
public sealed class AdapterDigestSenderTests
{
    [Theory]
    [InlineData(HttpStatusCode.Forbidden)]
    [InlineData(HttpStatusCode.TooManyRequests)]
    public async Task Send_Throws_AndPostsNoErrorReply_WhenTheConnectorRefuses(HttpStatusCode status)
    {
        var posts = 0;
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        await using var connector = builder.Build();
        connector.MapPost("/v3/conversations/{conversationId}/{**rest}", () =>
        {
            Interlocked.Increment(ref posts);
            return Results.StatusCode((int)status);
        });
        await connector.StartAsync(TestContext.Current.CancellationToken);
        var serviceUrl = connector.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
        var adapter = new NewsBotAdapter(new ConfigurationBotFrameworkAuthentication(new ConfigurationBuilder().Build()), NullLogger<NewsBotAdapter>.Instance);
        var sender = new AdapterDigestSender(adapter, string.Empty, new NewsBot.Security.ServiceUrlPolicy(Microsoft.Extensions.Options.Options.Create(new BotOptions()), new BotMode(BotModeKind.Local, string.Empty)));
        var reference = new ConversationReference
        {
            ChannelId = "msteams",
            ServiceUrl = serviceUrl,
            Conversation = new ConversationAccount { Id = "conversation-1" },
            Bot = new ChannelAccount { Id = "newsbot" },
        };

        var failure = await Assert.ThrowsAsync<ErrorResponseException>(() => sender.SendAsync(reference, Microsoft.Bot.Builder.MessageFactory.Text("digest"), CancellationToken.None));

        Assert.Equal(status, failure.Response.StatusCode);
        Assert.Equal(1, posts);
    }
}
