using Microsoft.Bot.Schema;
using NewsBot.Bot.Replies;
using NewsBot.Knowledge;
using NewsBot.Knowledge.Answers;
using Newtonsoft.Json;
using Connector = Microsoft.Bot.Connector.Channels;

namespace NewsBot.Tests.Bot.Replies;

/// <summary>
/// An answer led by an older article while a newer one on its topic answers too ("phi2 licence?" quotes the
/// research-only release by a hair over the MIT relicensing): every channel names the newer coverage under the lead,
/// since the lead's fact may have changed, and the older line stays for older articles only.
/// </summary>
public sealed class NewerCoverageRenderingTests
{
    private static readonly ArticleInfo Research = Article("2023/phi-2", "Microsoft releases Phi-2 for research use", "https://example.org/research", new DateTimeOffset(2023, 12, 12, 0, 0, 0, TimeSpan.Zero));
    private static readonly ArticleInfo Mit = Article("2024/phi-2-mit", "Phi-2 moves to the MIT licence", "https://example.org/mit", new DateTimeOffset(2024, 1, 6, 0, 0, 0, TimeSpan.Zero));

    [Theory]
    [InlineData(Connector.Webchat)]
    [InlineData(Connector.Msteams)]
    [InlineData(Connector.Slack)]
    [InlineData("telegram")]
    public void Answer_NamesTheNewerArticleOnTheTopic_UnderTheLead(string channel)
    {
        var answer = new Answer(
            "phi2 licence?",
            Answered: true,
            Confidence: 0.897,
            [
                new AnswerResult(Research, "Phi-2 is for research use only.", null, "Phi-2 is for research use only.", 1, 0.897, IsOlder: false, IsNewer: false),
                new AnswerResult(Mit, "Phi-2 is MIT-licensed now.", null, "Phi-2 is MIT-licensed now.", 1, 0.97, IsOlder: false, IsNewer: true),
            ],
            Closest: [],
            Related: [],
            Ranking: [],
            HasMore: false);

        var reply = ReplyRenderers.For(channel).Answer(AnswerView.From(answer));

        string rendered = JsonConvert.SerializeObject(reply.Attachments) + JsonConvert.SerializeObject((object?)reply.ChannelData) + reply.Text;
        var newer = rendered.IndexOf(PlainReplies.NewerCoverage, StringComparison.Ordinal);
        Assert.True(newer > rendered.IndexOf("Microsoft releases Phi-2 for research use", StringComparison.Ordinal), "the lead first, then the newer coverage");
        Assert.Contains("Phi-2 moves to the MIT licence", rendered[newer..], StringComparison.Ordinal);
        Assert.Contains("(6 Jan 2024)", rendered[newer..], StringComparison.Ordinal);
        Assert.DoesNotContain("Older coverage", rendered, StringComparison.Ordinal);
    }

    private static ArticleInfo Article(string id, string title, string url, DateTimeOffset published) =>
        new(id, $"{id}.md", title, new Uri(url), published, Updated: null, "Example News", Tags: [], Summary: null, FirstSeen: published, PassageCount: 1);
}
