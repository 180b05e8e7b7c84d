using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using NewsBot.Digests;
using NewsBot.Knowledge.Digests;

namespace NewsBot.Bot.Replies;

/// <summary>Markdown text for channels that show no cards (SMS, e-mail, Telegram and the like): everything in <c>text</c>.</summary>
internal sealed class TextRenderer : IReplyRenderer
{
    public IMessageActivity Answer(AnswerView answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return MessageFactory.Text(answer.Lead is { } lead ? PlainReplies.Answer(lead, answer.Older) : PlainReplies.Decline(answer));
    }

    public IMessageActivity MoreResults(AnswerView answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return MessageFactory.Text(string.Join("\n\n", answer.Results.Select(r => PlainReplies.Answer(r, []))));
    }

    public IMessageActivity ArticleList(string heading, IReadOnlyList<ArticleView> articles) =>
        MessageFactory.Text(PlainReplies.ArticleList(heading, articles));

    public IMessageActivity Digest(Digest digest) => MessageFactory.Text(DigestMessage.PlainText(digest));

    public IMessageActivity Welcome(string text, string where) => MessageFactory.Text(text);
}
