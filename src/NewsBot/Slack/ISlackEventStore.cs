namespace NewsBot.Slack;

/// <summary>
/// What was accepted from Slack (event ids, and whatever else the endpoints key), in the database, so that every
/// replica sees it: accepting a key is the claim of the replica whose reply queue takes the work, and the same event
/// delivered to two replicas (or retried by Slack) is accepted once.
/// </summary>
internal interface ISlackEventStore
{
    /// <summary>
    /// Records <paramref name="key"/> as accepted by <paramref name="owner"/> until <paramref name="until"/>, unless it
    /// is held already (a record that has not expired at <paramref name="now"/>). True when this call accepted it.
    /// </summary>
    Task<bool> TryAcceptAsync(string key, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken);

    /// <summary>Releases a key <paramref name="owner"/> accepted but could not queue, so Slack's retry of it is accepted.</summary>
    Task ForgetAsync(string key, string owner, CancellationToken cancellationToken);

    /// <summary>Deletes the records that expired before <paramref name="before"/>.</summary>
    Task PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
