using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using NewsBot.Bot.Replies;
using NewsBot.Knowledge.Articles;
using NewsBot.Knowledge.Curation;

namespace NewsBot.Curation;

/// <summary>Curation replies, drawn by the channel's <see cref="IReplyRenderer"/>: cards with buttons, Block Kit, or text with the commands to type.</summary>
internal static class DraftReplies
{
    public const string NotOnSlackDirect =
        "Adding articles isn't available through this Slack connection, so nothing was fetched. Curators can add articles from the command line, or in chat through Teams or Azure Bot Service.";

    public const string Refusal = "Sorry, only the collection's curators can add, publish or discard articles. If you think a story belongs in the collection, ask one of them.";

    public const string NoDrafts = "No drafts wait for review. Send `add <url>` to draft a story.";

    public static IMessageActivity Preview(IActivity incoming, Draft draft, IReadOnlyList<string> checks, IReadOnlyList<ArticleProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        return ReplyRenderers.For(incoming.ChannelId).DraftPreview(draft, checks, problems);
    }

    public static IMessageActivity List(IActivity incoming, IReadOnlyList<(Draft Draft, IReadOnlyList<ArticleProblem> Problems)> drafts, int total)
    {
        ArgumentNullException.ThrowIfNull(incoming);
        return total == 0 ? MessageFactory.Text(NoDrafts) : ReplyRenderers.For(incoming.ChannelId).DraftList(drafts, total);
    }
}
