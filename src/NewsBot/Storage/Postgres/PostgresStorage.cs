using Microsoft.Bot.Builder;
using Npgsql;
using NpgsqlTypes;

namespace NewsBot.Storage.Postgres;

/// <summary>
/// Bot Framework state storage in PostgreSQL's <c>bot_state</c> table, with the same behaviour as
/// <see cref="SqliteStorage"/> (MemoryStorage's rules, see <see cref="BotStateRow"/>), so a conversation's next turn
/// finds its state on whichever replica it lands. One key (a turn's usual write) is one statement; a batch is written
/// all or nothing, the rows whose ETag is checked locked (<c>FOR UPDATE</c>) in key order, so two replicas writing the
/// same keys wait for each other, never deadlock.
/// </summary>
internal sealed class PostgresStorage(PostgresDatabase database, TimeProvider time) : IStorage
{
    public async Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        BotStateRow.CheckKeys(keys, nameof(keys));
        var items = new Dictionary<string, object>(keys.Length, StringComparer.Ordinal);
        if (keys.Length == 0)
        {
            return items;
        }

        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand("SELECT key, json FROM bot_state WHERE key = ANY(@keys) AND json IS NOT NULL", connection);
            command.Parameters.Add(new NpgsqlParameter("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = keys.Distinct(StringComparer.Ordinal).ToArray() });
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    items[reader.GetString(0)] = BotStateJson.FromJson(reader.GetString(1));
                }
            }
        }

        return items;
    }

    public Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        BotStateRow.CheckKeys(changes.Keys, nameof(changes));
        if (changes.Count == 0)
        {
            return Task.CompletedTask;
        }

        // Serialise before the transaction: a value that cannot be stored fails without touching the database.
        var updated = time.GetUtcNow().ToUniversalTime();
        var rows = changes.Select(change => BotStateRow.From(change.Key, change.Value)).OrderBy(row => row.Key, StringComparer.Ordinal).ToList();
        if (rows.Count == 1)
        {
            return WriteOneAsync(rows[0], updated, cancellationToken);
        }

        return database.WriteAsync(
            async (transaction, token) =>
            {
                await using var current = PostgresDatabase.Command(transaction, "SELECT etag FROM bot_state WHERE key = @key FOR UPDATE");
                var currentKey = current.Parameters.Add("key", NpgsqlDbType.Text);
                await using var upsert = PostgresDatabase.Command(
                    transaction,
                    """
                    INSERT INTO bot_state (key, json, etag, updated) VALUES (@key, @json, @etag, @updated)
                    ON CONFLICT (key) DO UPDATE SET json = excluded.json, etag = excluded.etag, updated = excluded.updated
                    """);
                var key = upsert.Parameters.Add("key", NpgsqlDbType.Text);
                var json = upsert.Parameters.Add("json", NpgsqlDbType.Text);
                var etag = upsert.Parameters.Add("etag", NpgsqlDbType.Text);
                upsert.Parameters.AddWithValue("updated", updated);

                foreach (var row in rows)
                {
                    if (row.ExpectedETag is not null)
                    {
                        currentKey.Value = row.Key;
                        if (await current.ExecuteScalarAsync(token).ConfigureAwait(false) is string stored && stored != row.ExpectedETag)
                        {
                            throw BotStateRow.Conflict(row.ExpectedETag, stored);
                        }
                    }

                    key.Value = row.Key;
                    json.Value = (object?)row.Json ?? DBNull.Value;
                    etag.Value = (object?)row.ETag ?? DBNull.Value;
                    await upsert.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                }
            },
            cancellationToken);
    }

    /// <summary>
    /// A turn's usual write, one key, as one statement (one round trip): the upsert only replaces a row whose ETag is the
    /// expected one (or none), and a row it did not replace is a conflict.
    /// </summary>
    private async Task WriteOneAsync(BotStateRow row, DateTimeOffset updated, CancellationToken cancellationToken)
    {
        var written = await database.ExecuteAsync(
            """
            INSERT INTO bot_state (key, json, etag, updated) VALUES (@key, @json, @etag, @updated)
            ON CONFLICT (key) DO UPDATE SET json = excluded.json, etag = excluded.etag, updated = excluded.updated
            WHERE @expected IS NULL OR bot_state.etag IS NULL OR bot_state.etag = @expected
            """,
            parameters =>
            {
                parameters.AddWithValue("key", NpgsqlDbType.Text, row.Key);
                parameters.AddWithValue("json", NpgsqlDbType.Text, (object?)row.Json ?? DBNull.Value);
                parameters.AddWithValue("etag", NpgsqlDbType.Text, (object?)row.ETag ?? DBNull.Value);
                parameters.AddWithValue("updated", updated);
                parameters.AddWithValue("expected", NpgsqlDbType.Text, (object?)row.ExpectedETag ?? DBNull.Value);
            },
            cancellationToken).ConfigureAwait(false);
        if (written == 0)
        {
            var current = await ReadETagAsync(row.Key, cancellationToken).ConfigureAwait(false);
            throw BotStateRow.Conflict(row.ExpectedETag!, current ?? "(none)");
        }
    }

    private async Task<string?> ReadETagAsync(string key, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand("SELECT etag FROM bot_state WHERE key = @key", connection);
            command.Parameters.AddWithValue("key", key);
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as string;
        }
    }

    public Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default)
    {
        BotStateRow.CheckKeys(keys, nameof(keys));
        if (keys.Length == 0)
        {
            return Task.CompletedTask;
        }

        return database.WriteAsync(
            async (transaction, token) =>
            {
                await using var delete = PostgresDatabase.Command(transaction, "DELETE FROM bot_state WHERE key = ANY(@keys)");
                delete.Parameters.Add(new NpgsqlParameter("keys", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = keys });
                await delete.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken);
    }
}
