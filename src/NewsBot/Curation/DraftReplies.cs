using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using NewsBot.Bot;
using NewsBot.Bot.Replies;
using NewsBot.Knowledge.Articles;
using NewsBot.Knowledge.Curation;

namespace NewsBot.Curation;

/// <summary>Curation replies for the channel they go to: Adaptive Cards with a text fallback, or mrkdwn and typed commands on Slack.</summary>
internal static class DraftReplies
{
    public const string NotOnSlackDirect =
        "Adding articles isn't available through this Slack connection, so nothing was fetched. Curators can add articles from the command line, or in chat through Teams or Azure Bot Service.";

    public const string Refusal = "Sorry, only the collection's curators can add, publish or discard articles. If you think a story belongs in the collection, ask one of them.";

    public static IMessageActivity Preview(IActivity incoming, Draft draft, IReadOnlyList<string> checks, IReadOnlyList<ArticleProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        ArgumentNullException.ThrowIfNull(draft);
        if (Channels.IsSlack(incoming.ChannelId))
        {
            var text = new StringBuilder()
                .Append("*New draft:* ").Append(SlackMessage.Escape(draft.Title ?? "(no title)")).Append('\n')
                .Append(SlackMessage.Escape(DraftCard.Byline(draft))).Append('\n');
            foreach (var paragraph in draft.Paragraphs.Take(DraftCard.PreviewParagraphs))
            {
                text.Append("> ").Append(SlackMessage.Escape(paragraph)).Append('\n');
            }

            foreach (var line in checks.Select(c => "check: " + c).Concat(problems.Select(DraftCard.Finding)))
            {
                text.Append("• ").Append(SlackMessage.Escape(line)).Append('\n');
            }

            text.Append("Type `publish ").Append(draft.Id).Append("` or `discard ").Append(draft.Id).Append('`');
            return Slack(text.ToString());
        }

        var reply = MessageFactory.Attachment(DraftCard.Preview(draft, checks, problems));
        reply.Text = $"New draft: {draft.Title ?? "(no title)"} ({DraftCard.Byline(draft)}). Publish or discard it below.";
        return reply;
    }

    public static IMessageActivity List(IActivity incoming, IReadOnlyList<(Draft Draft, IReadOnlyList<ArticleProblem> Problems)> drafts, int total)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        if (total == 0)
        {
            return MessageFactory.Text("No drafts wait for review. Send `add <url>` to draft a story.");
        }

        if (Channels.IsSlack(incoming.ChannelId))
        {
            var lines = drafts.Select(d => $"• {SlackMessage.Escape(d.Draft.Title ?? d.Draft.Id)} ({SlackMessage.Escape(DraftCard.Byline(d.Draft))}) · {SlackMessage.Escape(DraftCard.State(d.Problems))} · `publish {d.Draft.Id}`");
            return Slack($"*{DraftCard.Heading(total)}*\n" + string.Join("\n", lines));
        }

        var reply = MessageFactory.Attachment(DraftCard.List(drafts, total));
        reply.Text = DraftCard.Heading(total) + ":\n\n" + string.Join("\n", drafts.Select(d => $"- {d.Draft.Title ?? d.Draft.Id} ({DraftCard.Byline(d.Draft)}): {DraftCard.State(d.Problems)}"));
        return reply;
    }

    private static IMessageActivity Slack(string mrkdwn)
    {
        var reply = MessageFactory.Text(mrkdwn);
        reply.ChannelData = SlackMessage.ChannelData(mrkdwn, [SlackMessage.Section(mrkdwn)]);
        return reply;
    }
}
