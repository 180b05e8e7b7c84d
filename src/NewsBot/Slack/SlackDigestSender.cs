using Microsoft.Bot.Schema;
using NewsBot.Digests;

namespace NewsBot.Slack;

/// <summary>
/// Delivers the digests of Slack channels subscribed directly (channel <see cref="Bot.Channels.SlackDirect"/>) with
/// <c>chat.postMessage</c> and the bot token: the reference's conversation id is the Slack channel id. A failure is
/// thrown as <see cref="SlackApiException"/>, which <see cref="DeliveryFailure"/> classifies for retry or pause.
/// </summary>
internal sealed class SlackDigestSender(SlackApiClient api) : IDigestSender
{
    public Task SendAsync(ConversationReference reference, IMessageActivity message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var channel = reference.Conversation?.Id is { Length: > 0 } id ? id : throw new InvalidOperationException("A Slack digest subscription has no channel id.");
        var payload = SlackPayload.Of(message);
        payload["channel"] = channel;
        return api.PostMessageAsync(payload, cancellationToken);
    }
}
