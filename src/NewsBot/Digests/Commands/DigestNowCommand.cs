using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using NewsBot.Knowledge;
using NewsBot.Knowledge.Digests;

namespace NewsBot.Digests.Commands;

/// <summary>
/// <c>digest now</c>: posts the digest of the current window (since the last delivery; without a subscription,
/// the last 24 hours) right away. The window and the schedule stay as they are, so the next regular digest
/// still holds these articles.
/// </summary>
internal sealed class DigestNowCommand(IDigestSubscriptions store, IKnowledgeBase knowledge, IOptions<DigestOptions> options, TimeProvider time) : IDigestSubcommand
{
    public string Name => "now";

    public string Usage => "digest now";

    public async Task ExecuteAsync(ITurnContext turnContext, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var now = time.GetUtcNow();
        var subscription = await store.FindAsync(DigestConversation.Key(turnContext.Activity), cancellationToken).ConfigureAwait(false);
        var digest = DigestComposer.Compose(knowledge, subscription?.WindowStart ?? now.AddHours(-24), now, options.Value.MaxItems);
        await turnContext.SendActivityAsync(DigestMessage.Build(turnContext.Activity.ChannelId, digest), cancellationToken).ConfigureAwait(false);
    }
}
