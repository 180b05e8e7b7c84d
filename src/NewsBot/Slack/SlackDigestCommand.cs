using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using NewsBot.Bot;
using NewsBot.Bot.Commands;
using NewsBot.Digests.Commands;

namespace NewsBot.Slack;

/// <summary>
/// <c>digest …</c> typed to the bot in a Slack channel (as a mention) or DM: runs the same <c>digest</c> command the
/// Bot Framework channels use, in a turn of its own whose replies are collected instead of sent. The subscription
/// is the Slack channel's, stored with channel <see cref="Channels.SlackDirect"/> and the Slack channel id as the
/// conversation id, so the scheduled digest goes out through <see cref="SlackDigestSender"/>.
/// </summary>
internal sealed class SlackDigestCommand
{
    private readonly IBotCommand _digest;

    public SlackDigestCommand(IEnumerable<IBotCommand> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        _digest = commands.OfType<DigestCommand>().Single();
    }

    /// <summary>The replies to <c>digest <paramref name="arguments"/></c> typed in Slack channel <paramref name="channel"/>.</summary>
    /// <param name="conversationType">"channel" or "im".</param>
    public async Task<IReadOnlyList<IMessageActivity>> RunAsync(string channel, string conversationType, string arguments, CancellationToken cancellationToken)
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = Channels.SlackDirect,
            Conversation = new ConversationAccount { Id = channel, ConversationType = conversationType, IsGroup = conversationType != "im" },
            Text = $"digest {arguments}".TrimEnd(),
        };
        var replies = new ReplyCollector();
        using var turn = new TurnContext(replies, activity);
        await _digest.ExecuteAsync(turn, arguments, cancellationToken).ConfigureAwait(false);
        return replies.Sent;
    }

    /// <summary>An adapter for one in-process turn: what the command sends is kept for the caller to post to Slack.</summary>
    private sealed class ReplyCollector : BotAdapter
    {
        private readonly List<IMessageActivity> _sent = [];

        public IReadOnlyList<IMessageActivity> Sent => _sent;

        public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
        {
            ArgumentNullException.ThrowIfNull(activities);
            _sent.AddRange(activities.Where(a => a.Type == ActivityTypes.Message));
            return Task.FromResult(activities.Select(_ => new ResourceResponse()).ToArray());
        }

        public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
            throw new NotSupportedException();

        public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
