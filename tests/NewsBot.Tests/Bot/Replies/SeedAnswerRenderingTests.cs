using Microsoft.Bot.Schema;
using NewsBot.Bot.Replies;
using NewsBot.Knowledge;
using NewsBot.Knowledge.Answers;
using NewsBot.Tests.Bot;
using Newtonsoft.Json;
using Connector = Microsoft.Bot.Connector.Channels;

namespace NewsBot.Tests.Bot.Replies;

/// <summary>
/// The README's example with semantic ranking on (the default), once every passage has its vector: the MIT
/// relicensing leads and the research-only release is named as older coverage, in the Web Chat and Teams card and in
/// Slack's blocks alike.
/// </summary>
public sealed class SeedAnswerRenderingTests : IAsyncLifetime
{
    private BotTestHost _host = null!;

    public async ValueTask InitializeAsync()
    {
        _host = new BotTestHost();
        await _host.Services.GetRequiredService<IKnowledgeBase>().WhenVectorsReadyAsync();
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData(Connector.Webchat)]
    [InlineData(Connector.Msteams)]
    [InlineData(Connector.Slack)]
    public void SeedQuestion_ShowsTheOlderCoverageLine_WithSemanticRankingOn(string channel)
    {
        var knowledge = _host.Services.GetRequiredService<IKnowledgeBase>();
        Assert.True(knowledge.Stats.Vectors is { Complete: true }, "semantic ranking is on and every passage has its vector");
        var answer = knowledge.Ask("Is Phi-2 licensed for commercial use?", new AskOptions(Top: ReplyFactory.ResultsPerAnswer));
        var incoming = new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = channel,
            Conversation = new ConversationAccount { ConversationType = channel == Connector.Msteams ? "personal" : null },
        };

        var reply = _host.Services.GetRequiredService<ReplyFactory>().Answer(incoming, answer);

        Assert.Equal(TestKnowledge.PhiMitUrl, answer.Results[0].Article.Url.AbsoluteUri);
        var rendered = JsonConvert.SerializeObject(reply.Attachments) + JsonConvert.SerializeObject(reply.ChannelData) + reply.Text;
        Assert.Contains("Older coverage", rendered, StringComparison.Ordinal);
    }
}
