using System.Text;
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
/// Block Kit for Slack (reached directly or through Azure Bot Service's Slack channel): the blocks go in
/// <c>channelData</c> with a mrkdwn <c>text</c>, which Slack shows only in notifications once there are blocks.
/// </summary>
internal sealed class SlackRenderer : IReplyRenderer
{
    public IMessageActivity Answer(AnswerView answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        if (answer.Lead is not { } lead)
        {
            var closest = answer.Closest.Count == 0 ? string.Empty : "\nClosest articles:\n" + string.Join("\n", answer.Closest.Select(c => $"• {SlackMessage.Link(c.Url, c.Title)} ({c.Date})"));
            return Message(PlainReplies.NotCovered + closest);
        }

        var article = lead.Article;
        var blocks = new JArray
        {
            SlackMessage.Section($"*{SlackMessage.Link(article.Url, article.Title)}*\n{SlackMessage.Escape(article.Byline)}"),
            SlackMessage.Section(SlackMessage.Quote(lead.Quote)),
        };
        AddCoverage(blocks, PlainReplies.NewerCoverage, answer.Newer);
        AddCoverage(blocks, PlainReplies.OlderCoverage, answer.Older);

        blocks.Add(SlackMessage.Button("Open source", article.Url));
        // The notification's line: the answering sentence and the article (the blocks quote the passage in the chat).
        return Message($"{SlackMessage.Escape(lead.Highlight)}\n{SlackMessage.Link(article.Url, article.Title)} ({SlackMessage.Escape(article.Byline)})", blocks);
    }

    private static void AddCoverage(JArray blocks, string label, IReadOnlyList<ResultView> results)
    {
        if (results.Count > 0)
        {
            blocks.Add(SlackMessage.Context(label + string.Join("; ", results.Select(r => $"{SlackMessage.Link(r.Article.Url, r.Article.Title)} ({r.Article.Date})"))));
        }
    }

    public IMessageActivity MoreResults(AnswerView answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var blocks = new JArray();
        foreach (var result in answer.Results)
        {
            blocks.Add(SlackMessage.Section($"*{SlackMessage.Link(result.Article.Url, result.Article.Title)}*\n{SlackMessage.Escape(result.Article.Byline)}\n{SlackMessage.Quote(result.Quote)}"));
        }

        return Message(string.Join("\n", answer.Results.Select(r => $"{SlackMessage.Link(r.Article.Url, r.Article.Title)}: {SlackMessage.Escape(r.Highlight)}")), blocks);
    }

    public IMessageActivity ArticleList(string heading, IReadOnlyList<ArticleView> articles)
    {
        ArgumentNullException.ThrowIfNull(articles);
        var lines = articles.Select(a => $"• {SlackMessage.Link(a.Url, a.Title)} ({SlackMessage.Escape(a.Byline)})");
        return Message($"*{SlackMessage.Escape(heading)}*\n" + string.Join("\n", lines));
    }

    public IMessageActivity Digest(Digest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var title = SlackMessage.Escape(DigestMessage.Title(digest));
        var blocks = new JArray { SlackMessage.Section($"*{title}*") };
        var lines = new StringBuilder(title);
        foreach (var group in digest.Groups)
        {
            if (group.Tag is not null)
            {
                blocks.Add(SlackMessage.Context($"*{SlackMessage.Escape(group.Tag)}*"));
            }

            foreach (var item in group.Items.Select(ArticleView.From))
            {
                var summary = item.Summary is null ? string.Empty : "\n" + SlackMessage.Escape(item.Summary);
                blocks.Add(SlackMessage.Section($"*{SlackMessage.Link(item.Url, item.Title)}*\n{SlackMessage.Escape(item.Byline)}{summary}"));
                lines.Append("\n• ").Append(SlackMessage.Link(item.Url, item.Title));
            }
        }

        if (digest.More > 0)
        {
            var more = SlackMessage.Escape(DigestMessage.MoreLine(digest));
            blocks.Add(SlackMessage.Context(more));
            lines.Append('\n').Append(more);
        }

        return Message(lines.ToString(), blocks);
    }

    public IMessageActivity Welcome(string text, string where) => MessageFactory.Text(text);

    /// <summary>The draft in mrkdwn, its first paragraphs quoted; Slack gets no buttons, so the commands are spelled out.</summary>
    public IMessageActivity DraftPreview(Draft draft, IReadOnlyList<string> checks, IReadOnlyList<ArticleProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var text = new StringBuilder()
            .Append("*New draft:* ").Append(SlackMessage.Escape(DraftText.Title(draft))).Append('\n')
            .Append(SlackMessage.Escape(DraftText.Byline(draft))).Append('\n');
        foreach (var paragraph in draft.Paragraphs.Take(DraftText.PreviewParagraphs))
        {
            text.Append("> ").Append(SlackMessage.Escape(paragraph)).Append('\n');
        }

        foreach (var line in DraftText.Findings(checks, problems))
        {
            text.Append("• ").Append(SlackMessage.Escape(line)).Append('\n');
        }

        return Message(text.Append(DraftText.TypedCommands(draft)).ToString());
    }

    public IMessageActivity DraftList(IReadOnlyList<(Draft Draft, IReadOnlyList<ArticleProblem> Problems)> drafts, int total)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        var lines = drafts.Select(d => $"• {SlackMessage.Escape(d.Draft.Title ?? d.Draft.Id)} ({SlackMessage.Escape(DraftText.Byline(d.Draft))}) · {SlackMessage.Escape(DraftText.State(d.Problems))} · `publish {d.Draft.Id}`");
        return Message($"*{DraftText.Heading(total)}*\n" + string.Join("\n", lines));
    }

    /// <summary>A message of one mrkdwn section.</summary>
    private static IMessageActivity Message(string mrkdwn) => Message(mrkdwn, [SlackMessage.Section(mrkdwn)]);

    private static IMessageActivity Message(string text, JArray blocks)
    {
        var reply = MessageFactory.Text(text);
        reply.ChannelData = SlackMessage.ChannelData(text, blocks);
        return reply;
    }
}
