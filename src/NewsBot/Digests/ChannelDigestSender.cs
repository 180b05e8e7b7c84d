using Microsoft.Bot.Schema;
using NewsBot.Bot;
using NewsBot.Slack;

namespace NewsBot.Digests;

/// <summary>Sends each digest the way its conversation was subscribed: Slack directly through the Slack Web API, everything else through the adapter.</summary>
internal sealed class ChannelDigestSender(AdapterDigestSender adapter, SlackDigestSender slack) : IDigestSender
{
    public Task SendAsync(ConversationReference reference, IMessageActivity message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        return reference.ChannelId == Channels.SlackDirect
            ? slack.SendAsync(reference, message, cancellationToken)
            : adapter.SendAsync(reference, message, cancellationToken);
    }
}
