using Microsoft.Bot.Schema;
using NewsBot.Knowledge.Articles;
using NewsBot.Knowledge.Curation;
using NewsBot.Knowledge.Digests;

namespace NewsBot.Bot.Replies;

/// <summary>
/// How one kind of channel shows the bot's replies: Adaptive Cards (Teams, Web Chat, the local page), Block Kit
/// (Slack), or Markdown text (channels without cards). <see cref="ReplyRenderers.For"/> picks one per channel, so a
/// command never asks which channel it talks to. Each reply is one message: what it shows once, plus a short text that
/// notifications show.
/// </summary>
internal interface IReplyRenderer
{
    /// <summary>The answer, or when nothing answered, the plain "not in the curated news" with the closest titles.</summary>
    IMessageActivity Answer(AnswerView answer);

    /// <summary>Further results of a question (<c>more</c>), each quoted with its source.</summary>
    IMessageActivity MoreResults(AnswerView answer);

    /// <summary>Articles under a heading (<c>latest</c>, <c>digest list</c>): titles linked, with their bylines.</summary>
    IMessageActivity ArticleList(string heading, IReadOnlyList<ArticleView> articles);

    /// <summary>A digest that is not empty: its title, tag groups, items and the "and N more" line.</summary>
    IMessageActivity Digest(Digest digest);

    /// <summary>The welcome <paramref name="text"/>, with what the channel adds (a button subscribing <paramref name="where"/> to the digest).</summary>
    IMessageActivity Welcome(string text, string where);

    /// <summary>A new draft for a curator: title, byline, what to check, its lint, and how to publish or discard it.</summary>
    IMessageActivity DraftPreview(Draft draft, IReadOnlyList<string> checks, IReadOnlyList<ArticleProblem> problems);

    /// <summary>
    /// The drafts waiting for review (at least one), each with its lint state; <paramref name="total"/> counts those not
    /// listed too.
    /// </summary>
    IMessageActivity DraftList(IReadOnlyList<(Draft Draft, IReadOnlyList<ArticleProblem> Problems)> drafts, int total);
}
