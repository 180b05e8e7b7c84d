using Microsoft.Bot.Schema;
using NewsBot.Bot;
using NewsBot.Bot.Turns;
using Newtonsoft.Json.Linq;

namespace NewsBot.Slack;

/// <summary>
/// Slack reached directly is a transport: a question or command from Slack becomes a Bot Framework message activity
/// (channel <see cref="Channels.SlackDirect"/>, the Slack channel as the conversation), runs through the same bot and
/// commands as Teams and Web Chat, and the replies it sends come back as one Slack message to post.
/// </summary>
internal sealed class SlackTurn(InProcessAdapter adapter)
{
    /// <summary>The Slack message answering <paramref name="work"/>, or null when the bot sent nothing.</summary>
    public async Task<JObject?> ReplyAsync(SlackReplyWork work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var replies = await adapter.RunAsync(Activity(work), cancellationToken).ConfigureAwait(false);
        return replies.Count == 0 ? null : SlackPayload.Of(replies);
    }

    /// <summary>
    /// The activity of a Slack question: its conversation is the Slack channel (so <c>digest on</c> subscribes that
    /// channel, and <c>more</c> continues there), its type "channel", "im" or "slash" (logged with the question, never
    /// a user name).
    /// </summary>
    internal static Activity Activity(SlackReplyWork work)
    {
        ArgumentNullException.ThrowIfNull(work);
        return new Activity
        {
            Type = ActivityTypes.Message,
            Id = Guid.NewGuid().ToString("N"),
            ChannelId = Channels.SlackDirect,
            Conversation = new ConversationAccount(isGroup: work.ConversationType != "im", id: work.Channel, conversationType: work.ConversationType),
            From = new ChannelAccount(work.User ?? "slack-user"),
            Recipient = new ChannelAccount(work.BotUser ?? "slack-bot"),
            Text = work.Question,
        };
    }
}
