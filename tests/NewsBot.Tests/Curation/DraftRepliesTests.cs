using Microsoft.Bot.Schema;
using NewsBot.Bot;
using NewsBot.Bot.Replies;
using NewsBot.Curation;
using NewsBot.Knowledge.Articles;
using NewsBot.Knowledge.Curation;
using Newtonsoft.Json.Linq;
using Connector = Microsoft.Bot.Connector.Channels;

namespace NewsBot.Tests.Curation;

/// <summary>
/// Curation replies are drawn by the channel's renderer, like answers: one Adaptive Card (its short line in
/// <c>summary</c>) where cards show, Block Kit on Slack, and text with the commands to type elsewhere.
/// </summary>
public sealed class DraftRepliesTests
{
    private static readonly Draft Sample = new(
        "2024/orca-mini",
        "/tmp/knowledge/_drafts/2024/orca-mini.md",
        "Contoso releases Orca-Mini <3B>",
        new Uri("https://example.org/orca"),
        Published: null,
        "Contoso Tech Daily",
        Summary: null,
        ["A paragraph with [markup](https://example.org/elsewhere) from the page."],
        Words: 12);

    private static readonly ArticleProblem MissingDate = new("draft.md", 4, ProblemSeverity.Error, "required field 'published' is empty");

    [Theory]
    [InlineData(Connector.Webchat)]
    [InlineData(Connector.Msteams)]
    public void Preview_IsOneCardWithItsLineInTheSummary_WhereCardsShow(string channel)
    {
        var reply = DraftReplies.Preview(Incoming(channel), Sample, ["fill in 'published'"], [MissingDate]);

        var card = Assert.Single(reply.Attachments);
        Assert.Equal(AdaptiveCards.ContentType, card.ContentType);
        Assert.True(string.IsNullOrEmpty(reply.Text), "the card alone says it");
        Assert.Equal("New draft: Contoso releases Orca-Mini <3B> (Contoso Tech Daily · no date)", reply.Summary);
    }

    [Theory]
    [InlineData(Connector.Slack)]
    [InlineData(Channels.SlackDirect)]
    public void Preview_IsBlockKitWithTheCommandsToType_OnSlack(string channel)
    {
        var reply = DraftReplies.Preview(Incoming(channel), Sample, ["fill in 'published'"], [MissingDate]);

        Assert.Empty(reply.Attachments ?? []);
        var section = ((JObject)reply.ChannelData)["blocks"]![0]!["text"]!["text"]!.ToString();
        Assert.StartsWith("*New draft:* Contoso releases Orca-Mini &lt;3B&gt;\nContoso Tech Daily · no date\n> A paragraph", section, StringComparison.Ordinal);
        Assert.Contains("• check: fill in 'published'\n• line 4: error: required field 'published' is empty\n", section, StringComparison.Ordinal);
        Assert.EndsWith("Type `publish 2024/orca-mini` or `discard 2024/orca-mini`", section, StringComparison.Ordinal);
    }

    [Fact]
    public void Preview_IsTextWithTheCommandsToType_AndNoPageMarkup_WhereNoCardsShow()
    {
        var reply = DraftReplies.Preview(Incoming(Connector.Telegram), Sample, ["fill in 'published'"], [MissingDate]);

        Assert.Empty(reply.Attachments ?? []);
        Assert.Null(reply.ChannelData);
        Assert.Equal(
            """
            New draft: Contoso releases Orca-Mini <3B> (Contoso Tech Daily · no date)
            https://example.org/orca

            - check: fill in 'published'
            - line 4: error: required field 'published' is empty

            Type `publish 2024/orca-mini` or `discard 2024/orca-mini`.
            """.ReplaceLineEndings("\n"),
            reply.Text);
    }

    [Theory]
    [InlineData(Connector.Webchat, "attachment")]
    [InlineData(Connector.Msteams, "attachment")]
    [InlineData(Connector.Slack, "blocks")]
    [InlineData(Channels.SlackDirect, "blocks")]
    [InlineData(Connector.Telegram, "text")]
    public void List_NamesEachDraftWithItsState_InTheChannelsForm(string channel, string form)
    {
        var reply = DraftReplies.List(Incoming(channel), [(Sample, [MissingDate]), (Sample with { Id = "2024/other", Title = null, Source = null }, [])], 12);

        var shown = form switch
        {
            "attachment" => Assert.Single(reply.Attachments).Content is { } content ? JObject.FromObject(content).ToString() : string.Empty,
            "blocks" => ((JObject)reply.ChannelData)["blocks"]!.ToString(),
            _ => reply.Text,
        };
        Assert.Contains("12 drafts wait for review", shown, StringComparison.Ordinal);
        Assert.Contains("to fix: required field 'published' is empty", shown, StringComparison.Ordinal);
        Assert.Contains("2024/other", shown, StringComparison.Ordinal);
        Assert.Contains("ready to publish", shown, StringComparison.Ordinal);
        if (form != "attachment")
        {
            Assert.Empty(reply.Attachments ?? []);
            Assert.Contains("`publish 2024/other`", shown, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(Connector.Webchat)]
    [InlineData(Connector.Slack)]
    [InlineData(Connector.Telegram)]
    public void List_SaysNoneWait_InPlainTextEverywhere(string channel)
    {
        var reply = DraftReplies.List(Incoming(channel), [], 0);

        Assert.Equal(DraftReplies.NoDrafts, reply.Text);
        Assert.Empty(reply.Attachments ?? []);
    }

    private static Activity Incoming(string channelId) => new() { Type = ActivityTypes.Message, ChannelId = channelId };
}
