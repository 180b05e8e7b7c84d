using Microsoft.Bot.Builder;
using NewsBot.Bot.Replies;

namespace NewsBot.Digests.Commands;

/// <summary><c>digest weekdays on|off</c>: skip Saturdays and Sundays (in the subscriber's zone), or not.</summary>
internal sealed class DigestWeekdaysCommand(IDigestSubscriptions store, ReplyFactory replies, TimeProvider time) : IDigestSubcommand
{
    public string Name => "weekdays";

    public string Usage => "digest weekdays on|off";

    public async Task ExecuteAsync(ITurnContext turnContext, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        bool weekdaysOnly;
        switch (arguments?.Trim().ToUpperInvariant())
        {
            case "ON":
                weekdaysOnly = true;
                break;
            case "OFF":
                weekdaysOnly = false;
                break;
            default:
                await turnContext.SendActivityAsync(replies.Text(activity, "Type `digest weekdays on` to skip Saturdays and Sundays, `digest weekdays off` to get it every day."), cancellationToken).ConfigureAwait(false);
                return;
        }

        var subscription = await store.FindAsync(DigestConversation.Key(activity), cancellationToken).ConfigureAwait(false);
        if (subscription is null || !DigestSchedule.TryFindZone(subscription.TimeZoneId, out var zone))
        {
            await turnContext.SendActivityAsync(replies.Text(activity, $"This conversation has no digest yet. Subscribe first, for example {DigestText.Example}."), cancellationToken).ConfigureAwait(false);
            return;
        }

        var next = DigestSchedule.Next(subscription.LocalTime, zone, weekdaysOnly, time.GetUtcNow());
        var updated = subscription with { WeekdaysOnly = weekdaysOnly, NextDelivery = subscription.State == DigestState.Active && subscription.Attempts == 0 ? next : subscription.NextDelivery };
        await store.SaveAsync(updated, cancellationToken).ConfigureAwait(false);
        await turnContext.SendActivityAsync(replies.Text(activity, $"Done: the digest comes {DigestText.Schedule(updated)}. Next: {DigestText.Local(updated.NextDelivery, updated.TimeZoneId)}."), cancellationToken).ConfigureAwait(false);
    }
}
