using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using NewsBot.Curation;
using NewsBot.Digests;
using NewsBot.Knowledge.Articles;
using NewsBot.Knowledge.Curation;
using NewsBot.Knowledge.Digests;

namespace NewsBot.Bot.Replies;

/// <summary>Markdown text for channels that show no cards (SMS, e-mail, Telegram and the like): everything in <c>text</c>.</summary>
internal sealed class TextRenderer : IReplyRenderer
{
    public IMessageActivity Answer(AnswerView answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return MessageFactory.Text(answer.Lead is { } lead ? PlainReplies.Answer(lead, answer.Newer, answer.Older) : PlainReplies.Decline(answer));
    }

    public IMessageActivity MoreResults(AnswerView answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return MessageFactory.Text(string.Join("\n\n", answer.Results.Select(r => PlainReplies.Answer(r, [], []))));
    }

    public IMessageActivity ArticleList(string heading, IReadOnlyList<ArticleView> articles) =>
        MessageFactory.Text(PlainReplies.ArticleList(heading, articles));

    public IMessageActivity Digest(Digest digest) => MessageFactory.Text(DigestMessage.PlainText(digest));

    public IMessageActivity Welcome(string text, string where) => MessageFactory.Text(text);

    /// <summary>
    /// The draft's title, byline, source and findings, and the commands to type. The page's own paragraphs are left out:
    /// they would be read as Markdown here, and the curator reviews the draft against its source anyway.
    /// </summary>
    public IMessageActivity DraftPreview(Draft draft, IReadOnlyList<string> checks, IReadOnlyList<ArticleProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(draft);
        var heading = $"New draft: {MarkdownText.Escape(DraftText.Title(draft))} ({DraftText.Byline(draft)})";
        var blocks = new List<string> { draft.Url is { } url ? heading + "\n" + url.AbsoluteUri : heading };
        if (DraftText.Findings(checks, problems).ToList() is { Count: > 0 } findings)
        {
            blocks.Add(string.Join("\n", findings.Select(f => "- " + MarkdownText.Escape(f))));
        }

        blocks.Add(DraftText.TypedCommands(draft) + ".");
        return MessageFactory.Text(string.Join("\n\n", blocks));
    }

    public IMessageActivity DraftList(IReadOnlyList<(Draft Draft, IReadOnlyList<ArticleProblem> Problems)> drafts, int total)
    {
        ArgumentNullException.ThrowIfNull(drafts);
        var lines = drafts.Select(d => $"- {MarkdownText.Escape(d.Draft.Title ?? d.Draft.Id)} ({DraftText.Byline(d.Draft)}): {DraftText.State(d.Problems)} · `publish {d.Draft.Id}`");
        return MessageFactory.Text(DraftText.Heading(total) + ":\n\n" + string.Join("\n", lines));
    }
}
