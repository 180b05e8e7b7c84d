using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using NewsBot.Curation;
using NewsBot.Digests;
using NewsBot.Knowledge.Articles;
using NewsBot.Knowledge.Curation;
using NewsBot.Knowledge.Digests;
using Newtonsoft.Json.Linq;

namespace NewsBot.Bot.Replies;

/// <summary>
/// Adaptive Cards 1.5 for Teams, Web Chat and the local chat page. A card reply is the card alone: the activity's
/// <c>summary</c> is the short line notifications show, and its <c>text</c> stays empty, because chat clients show
/// text beside the card and the passage would be said twice. Teams gets its own 👍/👎 (<c>channelData.feedbackLoop</c>)
/// instead of card buttons.
/// </summary>
internal sealed class CardRenderer(bool teams) : IReplyRenderer
{
    public IMessageActivity Answer(AnswerView answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Lead is not { } lead)
        {
            return MessageFactory.Text(PlainReplies.Decline(answer));
        }

        var reply = MessageFactory.Attachment(AnswerCard.Build(lead, answer.Newer, answer.Older, teams ? null : answer.Question));
        reply.Summary = PlainReplies.AnswerSummary(lead);
        if (teams)
        {
            // Teams' own feedback buttons, answered by the message/submitAction invoke. The answer is a quotation, so it
            // is not marked AI-generated.
            reply.ChannelData = new JObject { ["feedbackLoop"] = new JObject { ["type"] = "default" } };
        }

        return reply;
    }

    public IMessageActivity MoreResults(AnswerView answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var reply = MessageFactory.Carousel(answer.Results.Select(r => AnswerCard.Build(r, [], [], teams ? null : answer.Question)));
        reply.AttachmentLayout = AttachmentLayoutTypes.List;
        reply.Summary = TextLimits.Cut($"{answer.Results.Count} more for “{answer.Question}”", PlainReplies.MaxSummary);
        return reply;
    }

    public IMessageActivity ArticleList(string heading, IReadOnlyList<ArticleView> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var body = new JArray { AdaptiveCards.TextBlock(heading, weight: "Bolder", size: "Medium") };
        foreach (var article in articles)
        {
            body.Add(AdaptiveCards.TextBlock(MarkdownText.Link(article.Title, article.Url), weight: "Bolder", spacing: "Medium"));
            body.Add(AdaptiveCards.TextBlock(article.Byline, subtle: true, spacing: "None"));
        }

        var reply = MessageFactory.Attachment(AdaptiveCards.Attachment(body, fallbackText: PlainReplies.ArticleList(heading, articles)));
        reply.Summary = heading;
        return reply;
    }

    public IMessageActivity Digest(Digest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var body = new JArray { AdaptiveCards.TextBlock(DigestMessage.Title(digest), weight: "Bolder", size: "Medium") };
        foreach (var group in digest.Groups)
        {
            if (group.Tag is not null)
            {
                body.Add(AdaptiveCards.TextBlock(group.Tag, weight: "Bolder", spacing: "Large"));
            }

            foreach (var item in group.Items.Select(ArticleView.From))
            {
                body.Add(AdaptiveCards.TextBlock(MarkdownText.Link(item.Title, item.Url), weight: "Bolder", spacing: "Medium"));
                body.Add(AdaptiveCards.TextBlock(item.Byline, subtle: true, spacing: "None"));
                if (item.Summary is not null)
                {
                    body.Add(AdaptiveCards.TextBlock(item.Summary, spacing: "Small"));
                }
            }
        }

        if (digest.More > 0)
        {
            body.Add(AdaptiveCards.TextBlock(DigestMessage.MoreLine(digest), subtle: true, spacing: "Large"));
        }

        var reply = MessageFactory.Attachment(AdaptiveCards.Attachment(body, fallbackText: DigestMessage.PlainText(digest)));
        reply.Summary = DigestMessage.Title(digest);
        return reply;
    }

    public IMessageActivity Welcome(string text, string where)
    {
        // A button that subscribes the conversation to the daily digest (a Teams channel, a chat, or this page).
        var body = new JArray { AdaptiveCards.TextBlock($"Get a daily digest of newly added articles in {where}, at 09:00.") };
        var actions = new JArray { AdaptiveCards.Submit($"Subscribe {where}", CardCommand.Data("digest on")) };
        var reply = MessageFactory.Attachment(AdaptiveCards.Attachment(body, actions));
        reply.Text = text;
        return reply;
    }

    public IMessageActivity DraftPreview(Draft draft, IReadOnlyList<string> checks, IReadOnlyList<ArticleProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var reply = MessageFactory.Attachment(DraftCard.Preview(draft, checks, problems));
        reply.Summary = $"New draft: {DraftText.Title(draft)} ({DraftText.Byline(draft)})";
        return reply;
    }

    public IMessageActivity DraftList(IReadOnlyList<(Draft Draft, IReadOnlyList<ArticleProblem> Problems)> drafts, int total)
    {
        var reply = MessageFactory.Attachment(DraftCard.List(drafts, total));
        reply.Summary = DraftText.Heading(total);
        return reply;
    }
}
