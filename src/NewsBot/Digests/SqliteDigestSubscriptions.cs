using System.Globalization;
using Microsoft.Data.Sqlite;
using NewsBot.Storage;

namespace NewsBot.Digests;

/// <summary>
/// Digest subscriptions in the <c>digest_subscriptions</c> table of the bot's SQLite file. Claims are taken in one
/// write transaction (BEGIN IMMEDIATE), so two hosts on the same file never claim the same row.
/// </summary>
internal sealed class SqliteDigestSubscriptions(SqliteDatabase database) : IDigestSubscriptions
{
    private const string Columns = """
        conversation_key, channel, reference, local_time, time_zone, weekdays_only, window_start, state,
        paused_reason, next_delivery, last_delivery, attempts, created
        """;

    public async Task<DigestSubscription?> FindAsync(string conversationKey, CancellationToken cancellationToken)
    {
        var found = await QueryAsync($"SELECT {Columns} FROM digest_subscriptions WHERE conversation_key = $key", c => c.Parameters.AddWithValue("$key", conversationKey), cancellationToken).ConfigureAwait(false);
        return found.Count == 0 ? null : found[0];
    }

    public Task SaveAsync(DigestSubscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return database.WriteAsync(
            async (transaction, token) =>
            {
                using var command = SqliteDatabase.Command(transaction, $"""
                    INSERT OR REPLACE INTO digest_subscriptions ({Columns}, claimed_by, claim_expires)
                    VALUES ($key, $channel, $reference, $localTime, $zone, $weekdays, $windowStart, $state,
                            $pausedReason, $next, $last, $attempts, $created, NULL, NULL)
                    """);
                Bind(command, subscription);
                await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public async Task<bool> RemoveAsync(string conversationKey, CancellationToken cancellationToken)
    {
        var removed = 0;
        await database.WriteAsync(
            async (transaction, token) =>
            {
                using var command = SqliteDatabase.Command(transaction, "DELETE FROM digest_subscriptions WHERE conversation_key = $key");
                command.Parameters.AddWithValue("$key", conversationKey);
                removed = await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        return removed > 0;
    }

    public async Task<IReadOnlyList<DigestSubscription>> ClaimDueAsync(DateTimeOffset now, string owner, DateTimeOffset claimUntil, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var claimed = new List<DigestSubscription>();
        await database.WriteAsync(
            async (transaction, token) =>
            {
                using var command = SqliteDatabase.Command(transaction, $"""
                    UPDATE digest_subscriptions SET claimed_by = $owner, claim_expires = $until
                    WHERE conversation_key IN (
                        SELECT conversation_key FROM digest_subscriptions
                        WHERE state = 'active' AND next_delivery <= $now AND (claim_expires IS NULL OR claim_expires <= $now)
                        ORDER BY next_delivery, conversation_key
                        LIMIT $limit)
                    RETURNING {Columns}
                    """);
                command.Parameters.AddWithValue("$owner", owner);
                command.Parameters.AddWithValue("$until", SqliteTime.ToText(claimUntil));
                command.Parameters.AddWithValue("$now", SqliteTime.ToText(now));
                command.Parameters.AddWithValue("$limit", limit);
                using var reader = await command.ExecuteReaderAsync(token).ConfigureAwait(false);
                while (await reader.ReadAsync(token).ConfigureAwait(false))
                {
                    claimed.Add(Read(reader));
                }
            },
            cancellationToken).ConfigureAwait(false);

        // RETURNING gives no order: the longest waiting first, as claimed.
        return claimed.OrderBy(s => s.NextDelivery).ThenBy(s => s.ConversationKey, StringComparer.Ordinal).ToList();
    }

    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT min(max(next_delivery, coalesce(claim_expires, next_delivery))) FROM digest_subscriptions WHERE state = 'active'";
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string text ? SqliteTime.FromText(text) : null;
        }
    }

    public async Task<bool> RecordAsync(DigestSubscription outcome, DateTimeOffset expectedWindowStart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        var updated = 0;
        await database.WriteAsync(
            async (transaction, token) =>
            {
                using var command = SqliteDatabase.Command(transaction, """
                    UPDATE digest_subscriptions
                    SET window_start = $windowStart, state = $state, paused_reason = $pausedReason,
                        next_delivery = $next, last_delivery = $last, attempts = $attempts,
                        claimed_by = NULL, claim_expires = NULL
                    WHERE conversation_key = $key AND window_start = $expected
                    """);
                Bind(command, outcome);
                command.Parameters.AddWithValue("$expected", SqliteTime.ToText(expectedWindowStart));
                updated = await command.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        return updated > 0;
    }

    private async Task<IReadOnlyList<DigestSubscription>> QueryAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        var subscriptions = new List<DigestSubscription>();
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            bind(command);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    subscriptions.Add(Read(reader));
                }
            }
        }

        return subscriptions;
    }

    private static void Bind(SqliteCommand command, DigestSubscription s)
    {
        command.Parameters.AddWithValue("$key", s.ConversationKey);
        command.Parameters.AddWithValue("$channel", s.Channel);
        command.Parameters.AddWithValue("$reference", s.ReferenceJson);
        command.Parameters.AddWithValue("$localTime", DigestSchedule.Format(s.LocalTime));
        command.Parameters.AddWithValue("$zone", s.TimeZoneId);
        command.Parameters.AddWithValue("$weekdays", s.WeekdaysOnly ? 1 : 0);
        command.Parameters.AddWithValue("$windowStart", SqliteTime.ToText(s.WindowStart));
        command.Parameters.AddWithValue("$state", s.State == DigestState.Active ? "active" : "paused");
        command.Parameters.AddWithValue("$pausedReason", (object?)s.PausedReason ?? DBNull.Value);
        command.Parameters.AddWithValue("$next", SqliteTime.ToText(s.NextDelivery));
        command.Parameters.AddWithValue("$last", s.LastDelivery is { } last ? SqliteTime.ToText(last) : DBNull.Value);
        command.Parameters.AddWithValue("$attempts", s.Attempts);
        command.Parameters.AddWithValue("$created", SqliteTime.ToText(s.Created));
    }

    private static DigestSubscription Read(SqliteDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetString(2),
        TimeOnly.ParseExact(r.GetString(3), "HH:mm", CultureInfo.InvariantCulture),
        r.GetString(4),
        r.GetInt64(5) != 0,
        SqliteTime.FromText(r.GetString(6)),
        r.GetString(7) == "active" ? DigestState.Active : DigestState.Paused,
        r.IsDBNull(8) ? null : r.GetString(8),
        SqliteTime.FromText(r.GetString(9)),
        r.IsDBNull(10) ? null : SqliteTime.FromText(r.GetString(10)),
        r.GetInt32(11),
        SqliteTime.FromText(r.GetString(12)));
}
