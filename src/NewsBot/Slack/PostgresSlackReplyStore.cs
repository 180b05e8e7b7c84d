using NewsBot.Storage.Postgres;
using Npgsql;

namespace NewsBot.Slack;

/// <summary>
/// Accepted Slack keys (<c>slack_events</c>) and pending replies (<c>slack_replies</c>) in PostgreSQL, shared by the
/// replicas. Two replicas accepting the same key at once are serialised by its primary key, and the second finds it
/// held; reserving picks rows with <c>FOR UPDATE SKIP LOCKED</c>, so replicas sweeping at the same moment take
/// different replies instead of waiting for each other.
/// </summary>
internal sealed class PostgresSlackReplyStore(PostgresDatabase database) : ISlackReplyStore
{
    /// <summary>The advisory lock's first key ("NWSQ"); the second is a hash of the replica's id.</summary>
    private const int CapacityLock = 0x4E575351;

    public Task<SlackAcceptance> TryAcceptAsync(string key, SlackReplyWork work, string owner, DateTimeOffset now, DateTimeOffset rememberUntil, DateTimeOffset leaseUntil, int capacity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        return database.WriteAsync(
            async (transaction, token) =>
            {
                // One replica's acceptances one after the other (until commit), so its count of pending replies holds.
                await using (var lockOwner = PostgresDatabase.Command(transaction, "SELECT pg_advisory_xact_lock(@class, hashtext(@owner))"))
                {
                    lockOwner.Parameters.AddWithValue("class", CapacityLock);
                    lockOwner.Parameters.AddWithValue("owner", owner);
                    await lockOwner.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                }

                await using (var check = PostgresDatabase.Command(transaction, """
                    SELECT EXISTS (SELECT 1 FROM slack_events WHERE key = @key AND expires > @now)
                        OR EXISTS (SELECT 1 FROM slack_replies WHERE key = @key),
                        (SELECT count(*) FROM slack_replies WHERE claimed_by = @owner)
                    """))
                {
                    check.Parameters.AddWithValue("key", key);
                    check.Parameters.AddWithValue("now", now.ToUniversalTime());
                    check.Parameters.AddWithValue("owner", owner);
                    await using var reader = await check.ExecuteReaderAsync(token).ConfigureAwait(false);
                    await reader.ReadAsync(token).ConfigureAwait(false);
                    if (reader.GetBoolean(0))
                    {
                        return SlackAcceptance.Repeat;
                    }

                    if (reader.GetInt64(1) >= capacity)
                    {
                        return SlackAcceptance.Full;
                    }
                }

                // Another replica may accept the same key meanwhile: its row's primary key makes this insert wait for
                // that commit, then find the key remembered (nothing returned), so only one of them stores the work.
                await using var insert = PostgresDatabase.Command(transaction, """
                    WITH remembered AS (
                        INSERT INTO slack_events (key, accepted_by, accepted, expires) VALUES (@key, @owner, @now, @rememberUntil)
                        ON CONFLICT (key) DO UPDATE SET accepted_by = excluded.accepted_by, accepted = excluded.accepted, expires = excluded.expires
                        WHERE slack_events.expires <= @now
                        RETURNING key)
                    INSERT INTO slack_replies (key, work, accepted, accepted_by, claimed_by, claim_expires, attempts)
                    SELECT key, @work, @now, @owner, @owner, @leaseUntil, 0 FROM remembered
                    ON CONFLICT (key) DO NOTHING
                    """);
                insert.Parameters.AddWithValue("key", key);
                insert.Parameters.AddWithValue("owner", owner);
                insert.Parameters.AddWithValue("now", now.ToUniversalTime());
                insert.Parameters.AddWithValue("rememberUntil", rememberUntil.ToUniversalTime());
                insert.Parameters.AddWithValue("work", work.ToJson());
                insert.Parameters.AddWithValue("leaseUntil", leaseUntil.ToUniversalTime());
                return await insert.ExecuteNonQueryAsync(token).ConfigureAwait(false) > 0 ? SlackAcceptance.Accepted : SlackAcceptance.Repeat;
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<string>> ReserveExpiredAsync(string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (limit == 0)
        {
            return [];
        }

        var reserved = new List<(string Key, DateTimeOffset Accepted)>();
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // One statement, atomic on its own: the rows it picks are locked until it ends, and skipped by others meanwhile.
            await using var command = new NpgsqlCommand("""
                UPDATE slack_replies r SET claimed_by = @owner, claim_expires = @leaseUntil
                FROM (
                    SELECT key FROM slack_replies
                    WHERE claim_expires <= @now
                    ORDER BY accepted, key
                    LIMIT @limit
                    FOR UPDATE SKIP LOCKED) due
                WHERE r.key = due.key
                RETURNING r.key, r.accepted
                """, connection);
            command.Parameters.AddWithValue("owner", owner);
            command.Parameters.AddWithValue("leaseUntil", leaseUntil.ToUniversalTime());
            command.Parameters.AddWithValue("now", now.ToUniversalTime());
            command.Parameters.AddWithValue("limit", limit);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                reserved.Add((reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1)));
            }
        }

        // RETURNING gives no order: the longest waiting first, as reserved.
        return reserved.OrderBy(r => r.Accepted).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Key).ToList();
    }

    public Task<SlackReplyStart?> StartAsync(string key, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int maxAttempts, CancellationToken cancellationToken) =>
        database.WriteAsync<SlackReplyStart?>(
            async (transaction, token) =>
            {
                string work;
                int attempt;
                await using (var update = PostgresDatabase.Command(transaction, """
                    UPDATE slack_replies SET claimed_by = @owner, claim_expires = @leaseUntil, attempts = attempts + 1
                    WHERE key = @key AND (claimed_by = @owner OR claim_expires <= @now)
                    RETURNING work, attempts
                    """))
                {
                    update.Parameters.AddWithValue("key", key);
                    update.Parameters.AddWithValue("owner", owner);
                    update.Parameters.AddWithValue("leaseUntil", leaseUntil.ToUniversalTime());
                    update.Parameters.AddWithValue("now", now.ToUniversalTime());
                    await using var reader = await update.ExecuteReaderAsync(token).ConfigureAwait(false);
                    if (!await reader.ReadAsync(token).ConfigureAwait(false))
                    {
                        return null;
                    }

                    (work, attempt) = (reader.GetString(0), reader.GetInt32(1));
                }

                var givenUp = attempt > maxAttempts;
                if (givenUp)
                {
                    await using var delete = PostgresDatabase.Command(transaction, "DELETE FROM slack_replies WHERE key = @key");
                    delete.Parameters.AddWithValue("key", key);
                    await delete.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                }

                return new SlackReplyStart(SlackReplyWork.FromJson(work), attempt, givenUp);
            },
            cancellationToken);

    public async Task<bool> RemoveAsync(string key, string owner, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            "DELETE FROM slack_replies WHERE key = @key AND claimed_by = @owner",
            parameters =>
            {
                parameters.AddWithValue("key", key);
                parameters.AddWithValue("owner", owner);
            },
            cancellationToken).ConfigureAwait(false) > 0;

    public Task ReleaseAsync(IReadOnlyCollection<string> keys, string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return keys.Count == 0
            ? Task.CompletedTask
            : database.ExecuteAsync(
                "UPDATE slack_replies SET claimed_by = NULL, claim_expires = @now WHERE key = ANY(@keys) AND claimed_by = @owner",
                parameters =>
                {
                    parameters.AddWithValue("keys", keys.ToArray());
                    parameters.AddWithValue("owner", owner);
                    parameters.AddWithValue("now", now.ToUniversalTime());
                },
                cancellationToken);
    }

    public Task PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        database.ExecuteAsync("DELETE FROM slack_events WHERE expires < @before", parameters => parameters.AddWithValue("before", before.ToUniversalTime()), cancellationToken);
}
