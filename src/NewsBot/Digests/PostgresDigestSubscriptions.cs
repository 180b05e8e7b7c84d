using System.Globalization;
using NewsBot.Storage.Postgres;
using Npgsql;

namespace NewsBot.Digests;

/// <summary>
/// Digest subscriptions in PostgreSQL's <c>digest_subscriptions</c> table, shared by the replicas. A claim picks the
/// due rows with <c>FOR UPDATE SKIP LOCKED</c>, so replicas claiming at the same moment get different conversations
/// instead of waiting for each other.
/// </summary>
internal sealed class PostgresDigestSubscriptions(PostgresDatabase database) : IDigestSubscriptions
{
    private const string Columns = """
        conversation_key, channel, reference, local_time, time_zone, weekdays_only, window_start, state,
        paused_reason, next_delivery, last_delivery, attempts, created
        """;

    public async Task<DigestSubscription?> FindAsync(string conversationKey, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand($"SELECT {Columns} FROM digest_subscriptions WHERE conversation_key = @key", connection);
            command.Parameters.AddWithValue("key", conversationKey);
            var found = await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
            return found.Count == 0 ? null : found[0];
        }
    }

    public Task SaveAsync(DigestSubscription subscription, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(subscription);
        return database.ExecuteAsync(
            $"""
            INSERT INTO digest_subscriptions ({Columns}, claimed_by, claim_expires)
            VALUES (@key, @channel, @reference, @localTime, @zone, @weekdays, @windowStart, @state,
                    @pausedReason, @next, @last, @attempts, @created, NULL, NULL)
            ON CONFLICT (conversation_key) DO UPDATE SET
                channel = excluded.channel, reference = excluded.reference, local_time = excluded.local_time,
                time_zone = excluded.time_zone, weekdays_only = excluded.weekdays_only, window_start = excluded.window_start,
                state = excluded.state, paused_reason = excluded.paused_reason, next_delivery = excluded.next_delivery,
                last_delivery = excluded.last_delivery, attempts = excluded.attempts, created = excluded.created,
                claimed_by = NULL, claim_expires = NULL
            """,
            parameters => Bind(parameters, subscription),
            cancellationToken);
    }

    public async Task<bool> RemoveAsync(string conversationKey, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            "DELETE FROM digest_subscriptions WHERE conversation_key = @key",
            parameters => parameters.AddWithValue("key", conversationKey),
            cancellationToken).ConfigureAwait(false) > 0;

    public async Task<IReadOnlyList<DigestSubscription>> ClaimDueAsync(DateTimeOffset now, string owner, DateTimeOffset claimUntil, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        List<DigestSubscription> claimed;
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // One statement, atomic on its own: the rows it picks are locked until it ends, and skipped by others meanwhile.
            await using var command = new NpgsqlCommand($"""
                UPDATE digest_subscriptions s SET claimed_by = @owner, claim_expires = @until
                FROM (
                    SELECT conversation_key FROM digest_subscriptions
                    WHERE state = 'active' AND next_delivery <= @now AND (claim_expires IS NULL OR claim_expires <= @now)
                    ORDER BY next_delivery, conversation_key
                    LIMIT @limit
                    FOR UPDATE SKIP LOCKED) due
                WHERE s.conversation_key = due.conversation_key
                RETURNING {Prefixed("s.")}
                """, connection);
            command.Parameters.AddWithValue("owner", owner);
            command.Parameters.AddWithValue("until", claimUntil.ToUniversalTime());
            command.Parameters.AddWithValue("now", now.ToUniversalTime());
            command.Parameters.AddWithValue("limit", limit);
            claimed = await ReadAllAsync(command, cancellationToken).ConfigureAwait(false);
        }

        // RETURNING gives no order: the longest waiting first, as claimed.
        return claimed.OrderBy(s => s.NextDelivery).ThenBy(s => s.ConversationKey, StringComparer.Ordinal).ToList();
    }

    public async Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand(
                "SELECT min(greatest(next_delivery, claim_expires)) FROM digest_subscriptions WHERE state = 'active'",
                connection);
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is DateTime utc ? new DateTimeOffset(utc, TimeSpan.Zero) : null;
        }
    }

    public async Task<bool> RecordAsync(DigestSubscription outcome, DateTimeOffset expectedWindowStart, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return await database.ExecuteAsync(
            """
            UPDATE digest_subscriptions
            SET window_start = @windowStart, state = @state, paused_reason = @pausedReason,
                next_delivery = @next, last_delivery = @last, attempts = @attempts,
                claimed_by = NULL, claim_expires = NULL
            WHERE conversation_key = @key AND window_start = @expected
            """,
            parameters =>
            {
                Bind(parameters, outcome);
                parameters.AddWithValue("expected", expectedWindowStart.ToUniversalTime());
            },
            cancellationToken).ConfigureAwait(false) > 0;
    }

    private static string Prefixed(string prefix) =>
        string.Join(", ", Columns.Split(',', StringSplitOptions.TrimEntries).Select(column => prefix + column));

    private static async Task<List<DigestSubscription>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var subscriptions = new List<DigestSubscription>();
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                subscriptions.Add(Read(reader));
            }
        }

        return subscriptions;
    }

    private static void Bind(NpgsqlParameterCollection parameters, DigestSubscription s)
    {
        parameters.AddWithValue("key", s.ConversationKey);
        parameters.AddWithValue("channel", s.Channel);
        parameters.AddWithValue("reference", s.ReferenceJson);
        parameters.AddWithValue("localTime", DigestSchedule.Format(s.LocalTime));
        parameters.AddWithValue("zone", s.TimeZoneId);
        parameters.AddWithValue("weekdays", s.WeekdaysOnly);
        parameters.AddWithValue("windowStart", s.WindowStart.ToUniversalTime());
        parameters.AddWithValue("state", s.State == DigestState.Active ? "active" : "paused");
        parameters.AddWithValue("pausedReason", (object?)s.PausedReason ?? DBNull.Value);
        parameters.AddWithValue("next", s.NextDelivery.ToUniversalTime());
        parameters.AddWithValue("last", s.LastDelivery is { } last ? last.ToUniversalTime() : DBNull.Value);
        parameters.AddWithValue("attempts", s.Attempts);
        parameters.AddWithValue("created", s.Created.ToUniversalTime());
    }

    private static DigestSubscription Read(NpgsqlDataReader r) => new(
        r.GetString(0),
        r.GetString(1),
        r.GetString(2),
        TimeOnly.ParseExact(r.GetString(3), "HH:mm", CultureInfo.InvariantCulture),
        r.GetString(4),
        r.GetBoolean(5),
        r.GetFieldValue<DateTimeOffset>(6),
        r.GetString(7) == "active" ? DigestState.Active : DigestState.Paused,
        r.IsDBNull(8) ? null : r.GetString(8),
        r.GetFieldValue<DateTimeOffset>(9),
        r.IsDBNull(10) ? null : r.GetFieldValue<DateTimeOffset>(10),
        r.GetInt32(11),
        r.GetFieldValue<DateTimeOffset>(12));
}
