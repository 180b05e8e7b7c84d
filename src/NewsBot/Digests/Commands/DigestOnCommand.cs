using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using NewsBot.Bot.Replies;

namespace NewsBot.Digests.Commands;

/// <summary>
/// <c>digest on [HH:mm] [time zone]</c>: subscribes the conversation (default 09:00 in the zone Teams sends,
/// else UTC), or changes the time of (and resumes) its subscription. A new subscription's first window starts
/// 24 hours before it was made. A bad time or zone changes nothing.
/// </summary>
internal sealed class DigestOnCommand(IDigestSubscriptions store, ReplyFactory replies, TimeProvider time) : IDigestSubcommand
{
    public string Name => "on";

    public string Usage => "digest on [HH:mm] [time zone]";

    public async Task ExecuteAsync(ITurnContext turnContext, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var words = (arguments ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var at = DigestSchedule.DefaultTime;
        string? zoneId = null;
        var rest = words.AsSpan();
        if (rest.Length > 0 && (DigestSchedule.TryParseTime(rest[0], out at) || rest[0].Contains(':', StringComparison.Ordinal)))
        {
            if (!DigestSchedule.TryParseTime(rest[0], out at))
            {
                await ReplyAsync(turnContext, $"`{rest[0]}` is not a time I understand. Use the 24-hour clock, for example {DigestText.Example}.", cancellationToken).ConfigureAwait(false);
                return;
            }

            rest = rest[1..];
        }

        if (rest.Length > 1)
        {
            await ReplyAsync(turnContext, $"Type a time and one time zone, for example {DigestText.Example}.", cancellationToken).ConfigureAwait(false);
            return;
        }

        TimeZoneInfo? zone;
        if (rest.Length == 1)
        {
            if (!DigestSchedule.TryFindZone(rest[0], out zone))
            {
                await ReplyAsync(turnContext, $"I don't know the time zone `{rest[0]}`. Use an IANA name, for example {DigestText.Example} or `digest on 08:30 America/New_York`.", cancellationToken).ConfigureAwait(false);
                return;
            }

            zoneId = rest[0];
        }
        else if (DigestSchedule.TryFindZone((activity as Activity)?.LocalTimezone, out zone))
        {
            zoneId = ((Activity)activity).LocalTimezone!.Trim();
        }
        else
        {
            zone = TimeZoneInfo.Utc;
            zoneId = "UTC";
        }

        var now = time.GetUtcNow();
        var key = DigestConversation.Key(activity);
        var existing = await store.FindAsync(key, cancellationToken).ConfigureAwait(false);
        var subscription = existing is null
            ? DigestSubscription.New(key, activity.ChannelId ?? "unknown", DigestConversation.ReferenceJson(activity), at, zoneId, zone, now)
            : existing with
            {
                ReferenceJson = DigestConversation.ReferenceJson(activity),
                LocalTime = at,
                TimeZoneId = zoneId,
                State = DigestState.Active,
                PausedReason = null,
                NextDelivery = DigestSchedule.Next(at, zone, existing.WeekdaysOnly, now),
                Attempts = 0,
            };
        await store.SaveAsync(subscription, cancellationToken).ConfigureAwait(false);
        await ReplyAsync(
            turnContext,
            $"{(existing is null ? "Subscribed" : "Updated")}: a digest of the articles newly added to the curated news, {DigestText.Schedule(subscription)}. "
            + $"Next: {DigestText.Local(subscription.NextDelivery, zoneId)}. Type `digest now` to see it now, `digest off` to stop.",
            cancellationToken).ConfigureAwait(false);
    }

    private Task ReplyAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken) =>
        turnContext.SendActivityAsync(replies.Text(turnContext.Activity, text), cancellationToken);
}
