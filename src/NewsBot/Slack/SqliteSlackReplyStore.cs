using Microsoft.Data.Sqlite;
using NewsBot.Storage;

namespace NewsBot.Slack;

/// <summary>
/// Accepted Slack keys (<c>slack_events</c>) and pending replies (<c>slack_replies</c>) in the bot's SQLite file. Every
/// change is one write transaction (BEGIN IMMEDIATE), so hosts sharing the file never take the same reply at once.
/// </summary>
internal sealed class SqliteSlackReplyStore(SqliteDatabase database) : ISlackReplyStore
{
    public async Task<SlackAcceptance> TryAcceptAsync(string key, SlackReplyWork work, string owner, DateTimeOffset now, DateTimeOffset rememberUntil, DateTimeOffset leaseUntil, int capacity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var decision = SlackAcceptance.Repeat;
        await database.WriteAsync(
            async (transaction, token) =>
            {
                using (var check = SqliteDatabase.Command(transaction, """
                    SELECT EXISTS (SELECT 1 FROM slack_events WHERE key = $key AND expires > $now)
                        OR EXISTS (SELECT 1 FROM slack_replies WHERE key = $key),
                        (SELECT count(*) FROM slack_replies WHERE claimed_by = $owner)
                    """))
                {
                    check.Parameters.AddWithValue("$key", key);
                    check.Parameters.AddWithValue("$now", SqliteTime.ToText(now));
                    check.Parameters.AddWithValue("$owner", owner);
                    using var reader = await check.ExecuteReaderAsync(token).ConfigureAwait(false);
                    await reader.ReadAsync(token).ConfigureAwait(false);
                    if (reader.GetBoolean(0))
                    {
                        return;
                    }

                    if (reader.GetInt64(1) >= capacity)
                    {
                        decision = SlackAcceptance.Full;
                        return;
                    }
                }

                // The write lock is held since BEGIN IMMEDIATE: what the check saw is still true.
                using var insert = SqliteDatabase.Command(transaction, """
                    INSERT INTO slack_events (key, accepted_by, accepted, expires) VALUES ($key, $owner, $now, $rememberUntil)
                    ON CONFLICT (key) DO UPDATE SET accepted_by = excluded.accepted_by, accepted = excluded.accepted, expires = excluded.expires;
                    INSERT INTO slack_replies (key, work, accepted, accepted_by, claimed_by, claim_expires, attempts)
                    VALUES ($key, $work, $now, $owner, $owner, $leaseUntil, 0);
                    """);
                insert.Parameters.AddWithValue("$key", key);
                insert.Parameters.AddWithValue("$owner", owner);
                insert.Parameters.AddWithValue("$now", SqliteTime.ToText(now));
                insert.Parameters.AddWithValue("$rememberUntil", SqliteTime.ToText(rememberUntil));
                insert.Parameters.AddWithValue("$work", work.ToJson());
                insert.Parameters.AddWithValue("$leaseUntil", SqliteTime.ToText(leaseUntil));
                await insert.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                decision = SlackAcceptance.Accepted;
            },
            cancellationToken).ConfigureAwait(false);
        return decision;
    }

    public async Task<IReadOnlyList<string>> ReserveExpiredAsync(string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        if (limit == 0)
        {
            return [];
        }

        var reserved = new List<(string Key, string Accepted)>();
        await database.WriteAsync(
            async (transaction, token) =>
            {
                using var command = SqliteDatabase.Command(transaction, """
                    UPDATE slack_replies SET claimed_by = $owner, claim_expires = $leaseUntil
                    WHERE key IN (SELECT key FROM slack_replies WHERE claim_expires <= $now ORDER BY accepted, key LIMIT $limit)
                    RETURNING key, accepted
                    """);
                command.Parameters.AddWithValue("$owner", owner);
                command.Parameters.AddWithValue("$leaseUntil", SqliteTime.ToText(leaseUntil));
                command.Parameters.AddWithValue("$now", SqliteTime.ToText(now));
                command.Parameters.AddWithValue("$limit", limit);
                using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                while (await reader.ReadAsync(token).ConfigureAwait(false))
                {
                    reserved.Add((reader.GetString(0), reader.GetString(1)));
                }
            },
            cancellationToken).ConfigureAwait(false);

        // RETURNING gives no order: the longest waiting first, as reserved.
        return reserved.OrderBy(r => r.Accepted, StringComparer.Ordinal).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Key).ToList();
    }

    public async Task<SlackReplyStart?> StartAsync(string key, string owner, DateTimeOffset now, DateTimeOffset leaseUntil, int maxAttempts, CancellationToken cancellationToken)
    {
        SlackReplyStart? start = null;
        await database.WriteAsync(
            async (transaction, token) =>
            {
                string work;
                int attempt;
                using (var update = SqliteDatabase.Command(transaction, """
                    UPDATE slack_replies SET claimed_by = $owner, claim_expires = $leaseUntil, attempts = attempts + 1
                    WHERE key = $key AND (claimed_by = $owner OR claim_expires <= $now)
                    RETURNING work, attempts
                    """))
                {
                    update.Parameters.AddWithValue("$key", key);
                    update.Parameters.AddWithValue("$owner", owner);
                    update.Parameters.AddWithValue("$leaseUntil", SqliteTime.ToText(leaseUntil));
                    update.Parameters.AddWithValue("$now", SqliteTime.ToText(now));
                    using var reader = await update.ExecuteReaderAsync(token).ConfigureAwait(false);
                    if (!await reader.ReadAsync(token).ConfigureAwait(false))
                    {
                        return;
                    }

                    (work, attempt) = (reader.GetString(0), reader.GetInt32(1));
                }

                var givenUp = attempt > maxAttempts;
                if (givenUp)
                {
                    await DeleteAsync(transaction, key, owner, token).ConfigureAwait(false);
                }

                start = new SlackReplyStart(SlackReplyWork.FromJson(work), attempt, givenUp);
            },
            cancellationToken).ConfigureAwait(false);
        return start;
    }

    public async Task<bool> RemoveAsync(string key, string owner, CancellationToken cancellationToken)
    {
        var removed = false;
        await database.WriteAsync(
            async (transaction, token) => removed = await DeleteAsync(transaction, key, owner, token).ConfigureAwait(false),
            cancellationToken).ConfigureAwait(false);
        return removed;
    }

    public Task ReleaseAsync(IReadOnlyCollection<string> keys, string owner, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return keys.Count == 0
            ? Task.CompletedTask
            : database.WriteAsync(
                async (transaction, token) =>
                {
                    using var release = SqliteDatabase.Command(transaction, "UPDATE slack_replies SET claimed_by = NULL, claim_expires = $now WHERE key = $key AND claimed_by = $owner");
                    var keyParameter = release.Parameters.Add("$key", SqliteType.Text);
                    release.Parameters.AddWithValue("$owner", owner);
                    release.Parameters.AddWithValue("$now", SqliteTime.ToText(now));
                    foreach (var key in keys)
                    {
                        keyParameter.Value = key;
                        await release.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                    }
                },
                cancellationToken);
    }

    public Task PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (transaction, token) =>
            {
                using var delete = SqliteDatabase.Command(transaction, "DELETE FROM slack_events WHERE expires < $before");
                delete.Parameters.AddWithValue("$before", SqliteTime.ToText(before));
                await delete.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken);

    private static async Task<bool> DeleteAsync(SqliteTransaction transaction, string key, string owner, CancellationToken cancellationToken)
    {
        using var delete = SqliteDatabase.Command(transaction, "DELETE FROM slack_replies WHERE key = $key AND claimed_by = $owner");
        delete.Parameters.AddWithValue("$key", key);
        delete.Parameters.AddWithValue("$owner", owner);
        return await delete.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }
}
