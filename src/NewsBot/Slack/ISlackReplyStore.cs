namespace NewsBot.Slack;

/// <summary>
/// What was accepted from Slack, in the bot's database so that every replica sees it: the keys already accepted (event
/// ids, and interactivity clicks by action and message), remembered for a while so that Slack's retries and the same
/// event delivered to two replicas are accepted once; and, for each accepted key until its answer is posted, the reply
/// work with a lease naming the replica that holds it. A replica that dies leaves its work to the others once the lease
/// expires.
/// </summary>
internal interface ISlackReplyStore
{
    /// <summary>
    /// In one transaction: unless <paramref name="key"/> is remembered (a record that has not expired at
    /// <paramref name="now"/>, or work still pending under it), remembers it until <paramref name="rememberUntil"/> and
    /// stores <paramref name="work"/> held by <paramref name="owner"/> until <paramref name="leaseUntil"/>. Refuses (and
    /// remembers nothing) when <paramref name="owner"/> holds <paramref name="capacity"/> pending replies already.
    /// </summary>
    Task<SlackAcceptance> TryAcceptAsync(string key, SlackReplyWork work, string owner, DateTimeOffset now, DateTimeOffset rememberUntil, DateTimeOffset leaseUntil, int capacity, CancellationToken cancellationToken);

    /// <summary>
    /// Takes for <paramref name="owner"/>, until <paramref name="leaseUntil"/>, at most <paramref name="limit"/> replies
    /// nobody holds at <paramref name="now"/> (released, or their lease expired: a dead replica's), the longest waiting
    /// first; returns their keys. Two callers never get the same reply while a lease holds.
    /// </summary>
    Task<IReadOnlyList<string>> ReserveExpiredAsync(string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Starts work on a reply that <paramref name="owner"/> holds or nobody holds: counts the attempt and holds it until
    /// <paramref name="leaseUntil"/>. Null when another replica holds it or it is gone (done). When this would be attempt
    /// <paramref name="maxAttempts"/> + 1, deletes it instead and says so (<see cref="SlackReplyStart.GivenUp"/>).
    /// </summary>
    Task<SlackReplyStart?> StartAsync(string key, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int maxAttempts, CancellationToken cancellationToken);

    /// <summary>Deletes a reply <paramref name="owner"/> holds (posted, or refused for good); false when it holds it no longer.</summary>
    Task<bool> RemoveAsync(string key, string owner, CancellationToken cancellationToken);

    /// <summary>Lets go of replies <paramref name="owner"/> holds, so that any replica takes them from <paramref name="now"/> on.</summary>
    Task ReleaseAsync(IReadOnlyCollection<string> keys, string owner, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Forgets the accepted keys whose memory expired before <paramref name="before"/>.</summary>
    Task PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken);
}

/// <summary>What <see cref="ISlackReplyStore.TryAcceptAsync"/> decided.</summary>
internal enum SlackAcceptance
{
    /// <summary>Stored: the reply will be posted by this replica or, if it dies, another.</summary>
    Accepted,

    /// <summary>Accepted before, by this replica or another: nothing to do.</summary>
    Repeat,

    /// <summary>This replica holds as many pending replies as it may: Slack should send the event again later.</summary>
    Full,
}

/// <summary>A reply this replica started on: its work and which attempt this is (1 for the first).</summary>
/// <param name="GivenUp">True when the attempts were used up: the reply was deleted instead of started.</param>
internal sealed record SlackReplyStart(SlackReplyWork Work, int Attempt, bool GivenUp);
