using System.Text;
using Microsoft.Bot.Builder;
using NewsBot.Bot.Replies;

namespace NewsBot.Digests.Commands;

/// <summary><c>digest status</c>: the schedule, the next and last delivery in the subscriber's zone, and why it is paused.</summary>
internal sealed class DigestStatusCommand(IDigestSubscriptions store, ReplyFactory replies) : IDigestSubcommand
{
    public string Name => "status";

    public string Usage => "digest status";

    public async Task ExecuteAsync(ITurnContext turnContext, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var subscription = await store.FindAsync(DigestConversation.Key(turnContext.Activity), cancellationToken).ConfigureAwait(false);
        if (subscription is null)
        {
            await turnContext.SendActivityAsync(replies.Text(turnContext.Activity, $"This conversation has no digest. Subscribe with `digest on [HH:mm] [time zone]`, for example {DigestText.Example}."), cancellationToken).ConfigureAwait(false);
            return;
        }

        var zone = subscription.TimeZoneId;
        var text = new StringBuilder()
            .Append("Daily digest ").Append(DigestText.Schedule(subscription)).AppendLine(".")
            .AppendLine();
        if (subscription.State == DigestState.Paused)
        {
            text.Append("- Paused: ").Append(subscription.PausedReason ?? "no reason recorded").AppendLine(". Type `digest on` to resume.");
        }
        else
        {
            text.Append("- Next delivery: ").AppendLine(DigestText.Local(subscription.NextDelivery, zone));
        }

        text.Append("- Last delivery: ").AppendLine(subscription.LastDelivery is { } last ? DigestText.Local(last, zone) : "none yet")
            .Append("- Next digest covers articles added since ").AppendLine(DigestText.Local(subscription.WindowStart, zone));
        await turnContext.SendActivityAsync(replies.Text(turnContext.Activity, text.ToString().TrimEnd()), cancellationToken).ConfigureAwait(false);
    }
}
