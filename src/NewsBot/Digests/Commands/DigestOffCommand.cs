using Microsoft.Bot.Builder;
using NewsBot.Bot.Replies;

namespace NewsBot.Digests.Commands;

/// <summary><c>digest off</c>: ends the conversation's subscription.</summary>
internal sealed class DigestOffCommand(IDigestSubscriptions store, ReplyFactory replies) : IDigestSubcommand
{
    public string Name => "off";

    public string Usage => "digest off";

    public async Task ExecuteAsync(ITurnContext turnContext, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var removed = await store.RemoveAsync(DigestConversation.Key(turnContext.Activity), cancellationToken).ConfigureAwait(false);
        var text = removed ? "Unsubscribed: no more digests here. Type `digest on` to subscribe again." : "This conversation has no digest. Type `digest on` to subscribe.";
        await turnContext.SendActivityAsync(replies.Text(turnContext.Activity, text), cancellationToken).ConfigureAwait(false);
    }
}
