namespace NewsBot.Digests;

/// <summary>Whether a subscription is delivered.</summary>
internal enum DigestState
{
    Active,

    /// <summary>Not delivered until someone types <c>digest on</c> again: the bot was removed or the conversation is gone.</summary>
    Paused,
}

/// <summary>
/// One conversation's daily digest, as stored in the <c>digest_subscriptions</c> table.
/// </summary>
/// <param name="ConversationKey">Channel and conversation id, see <see cref="DigestConversation.Key"/>.</param>
/// <param name="ReferenceJson">The Bot Framework ConversationReference to continue the conversation with, as JSON.</param>
/// <param name="LocalTime">Delivery time of day in <paramref name="TimeZoneId"/>.</param>
/// <param name="TimeZoneId">IANA time zone name ("Europe/Berlin") or "UTC".</param>
/// <param name="WindowStart">Start of the next digest's window: the end of the last delivered one (a new subscription: 24 h before it was made).</param>
/// <param name="NextDelivery">When the next delivery (or retry) is due, UTC.</param>
/// <param name="LastDelivery">When a digest was last posted, UTC; null before the first.</param>
/// <param name="Attempts">Failed attempts at the current window; 0 after a success.</param>
internal sealed record DigestSubscription(
    string ConversationKey,
    string Channel,
    string ReferenceJson,
    TimeOnly LocalTime,
    string TimeZoneId,
    bool WeekdaysOnly,
    DateTimeOffset WindowStart,
    DigestState State,
    string? PausedReason,
    DateTimeOffset NextDelivery,
    DateTimeOffset? LastDelivery,
    int Attempts,
    DateTimeOffset Created)
{
    /// <summary>A new, active subscription made at <paramref name="now"/>: its first window starts 24 hours earlier.</summary>
    public static DigestSubscription New(string conversationKey, string channel, string referenceJson, TimeOnly localTime, string timeZoneId, TimeZoneInfo zone, DateTimeOffset now) =>
        new(conversationKey, channel, referenceJson, localTime, timeZoneId, false, now.AddHours(-24), DigestState.Active, null, DigestSchedule.Next(localTime, zone, false, now), null, 0, now);
}
