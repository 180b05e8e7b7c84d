namespace NewsBot.Digests;

/// <summary>
/// The digest subscriptions, one per conversation. With several replicas on one database, a replica claims the
/// subscriptions it is about to deliver (<see cref="ClaimDueAsync"/>) so that no other replica takes them until the
/// claim expires or the outcome is recorded.
/// </summary>
internal interface IDigestSubscriptions
{
    Task<DigestSubscription?> FindAsync(string conversationKey, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the conversation's subscription (and drops any claim on it).</summary>
    Task SaveAsync(DigestSubscription subscription, CancellationToken cancellationToken);

    /// <summary>Deletes it; false when there was none.</summary>
    Task<bool> RemoveAsync(string conversationKey, CancellationToken cancellationToken);

    /// <summary>
    /// Claims for <paramref name="owner"/> until <paramref name="claimUntil"/> at most <paramref name="limit"/> active
    /// subscriptions due at <paramref name="now"/> that nobody holds (never claimed, released, or whose claim expired),
    /// the longest waiting first, and returns them. Two callers never get the same subscription while a claim holds.
    /// </summary>
    Task<IReadOnlyList<DigestSubscription>> ClaimDueAsync(DateTimeOffset now, string owner, DateTimeOffset claimUntil, int limit, CancellationToken cancellationToken);

    /// <summary>The earliest time any active subscription can be claimed: its next delivery, or later while someone holds it.</summary>
    Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Records a delivery's outcome (window, next delivery, last delivery, attempts, state) and releases the claim, only
    /// if the stored window still starts at <paramref name="expectedWindowStart"/>: a window is never moved twice. False
    /// when it was (another replica recorded this window first).
    /// </summary>
    Task<bool> RecordAsync(DigestSubscription outcome, DateTimeOffset expectedWindowStart, CancellationToken cancellationToken);
}
