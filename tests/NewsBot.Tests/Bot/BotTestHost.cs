using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using NewsBot.Hosting;
using NewsBot.Knowledge;

namespace NewsBot.Tests.Bot;

/// <summary>
/// The real bot, built by the real host's container (real knowledge base, real SQLite store) over a temporary
/// knowledge folder, driven through Bot Framework's <see cref="TestAdapter"/>.
/// </summary>
internal sealed class BotTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    public BotTestHost()
    {
        Knowledge = new TestKnowledge();
        _app = NewsBotHost.Build(["--urls", "http://127.0.0.1:0", "--knowledge", Knowledge.KnowledgePath, "--data", Knowledge.DataPath, .. Knowledge.StorageArgs]);
        Services.GetRequiredService<IKnowledgeBase>().Sync();
    }

    public TestKnowledge Knowledge { get; }

    public IServiceProvider Services => _app.Services;

    public IBot Bot => Services.GetRequiredService<IBot>();

    /// <summary>A conversation on <paramref name="channelId"/> ("test" by default) of the given Teams conversation type.</summary>
    public TestFlow Conversation(string channelId = "test", string? conversationType = null)
    {
        var reference = TestAdapter.CreateConversation($"{channelId}-conversation");
        reference.ChannelId = channelId;
        reference.Conversation.ConversationType = conversationType;
        var adapter = new TestAdapter(reference);
        return new TestFlow(adapter, Bot.OnTurnAsync);
    }

    /// <summary>What a chat client shows of a reply: its text and its cards.</summary>
    public static string Shown(IActivity activity)
    {
        var message = Assert.IsAssignableFrom<IMessageActivity>(activity);
        return message.Text + (message.Attachments is { Count: > 0 } cards ? Newtonsoft.Json.JsonConvert.SerializeObject(cards.Select(a => a.Content)) : string.Empty);
    }

    public static string CardJson(IActivity activity)
    {
        var message = Assert.IsAssignableFrom<IMessageActivity>(activity);
        var card = Assert.Single(message.Attachments, a => a.ContentType == "application/vnd.microsoft.card.adaptive");
        return Newtonsoft.Json.JsonConvert.SerializeObject(card.Content);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        Knowledge.Dispose();
    }
}
