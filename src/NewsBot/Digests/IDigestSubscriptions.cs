namespace NewsBot.Digests;

/// <summary>The digest subscriptions, one per conversation.</summary>
internal interface IDigestSubscriptions
{
    Task<DigestSubscription?> FindAsync(string conversationKey, CancellationToken cancellationToken);

    /// <summary>Creates or replaces the conversation's subscription.</summary>
    Task SaveAsync(DigestSubscription subscription, CancellationToken cancellationToken);

    /// <summary>Deletes it; false when there was none.</summary>
    Task<bool> RemoveAsync(string conversationKey, CancellationToken cancellationToken);

    /// <summary>Active subscriptions due at <paramref name="now"/>, the longest waiting first.</summary>
    Task<IReadOnlyList<DigestSubscription>> DueAsync(DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>The earliest next delivery of any active subscription.</summary>
    Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Records a delivery's outcome (window, next delivery, last delivery, attempts, state) only if the stored
    /// window still starts at <paramref name="expectedWindowStart"/>: a window is never moved twice. False when it was.
    /// </summary>
    Task<bool> RecordAsync(DigestSubscription outcome, DateTimeOffset expectedWindowStart, CancellationToken cancellationToken);
}
