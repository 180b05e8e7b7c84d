using System.Runtime.ExceptionServices;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using NewsBot.Security;

namespace NewsBot.Digests;

/// <summary>
/// Sends through the bot's adapter: <c>ContinueConversationAsync</c> with the bot's app id (empty in local mode)
/// opens a turn on the stored conversation reference and posts to its serviceUrl, if the
/// <see cref="ServiceUrlPolicy"/> allows it: a stored row is not vouched for by any token, so a serviceUrl outside
/// the allowed set is never called (the delivery pauses the subscription).
/// </summary>
internal sealed class AdapterDigestSender(CloudAdapter adapter, string botAppId, ServiceUrlPolicy serviceUrls) : IDigestSender
{
    public async Task SendAsync(ConversationReference reference, IMessageActivity message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (!serviceUrls.IsAllowed(reference.ServiceUrl, vouchedByToken: false))
        {
            throw new ServiceUrlNotAllowedException(reference.ServiceUrl);
        }

        // A failure must reach the delivery pass, not the adapter's turn-error handler, which would post
        // "Sorry, something went wrong" into the conversation (and, after a 429, likely succeed).
        ExceptionDispatchInfo? failure = null;
        await adapter.ContinueConversationAsync(
            botAppId,
            reference,
            async (turnContext, token) =>
            {
                try
                {
                    await turnContext.SendActivityAsync(message, token).ConfigureAwait(false);
                }
                catch (Exception exception)
                {
                    failure = ExceptionDispatchInfo.Capture(exception);
                }
            },
            cancellationToken).ConfigureAwait(false);
        failure?.Throw();
    }
}
