using Microsoft.Bot.Builder;
using Microsoft.Data.Sqlite;

namespace NewsBot.Storage;

/// <summary>
/// Bot Framework state storage in the <c>bot_state</c> table, behaving like the SDK's MemoryStorage:
/// values are stored as JSON with their type names (<see cref="BotStateJson"/>); keys not found are left out
/// of a read; an <see cref="IStoreItem"/> gets a new <c>eTag</c> on every write, and writing one whose ETag
/// is neither <c>"*"</c>, null nor the stored one throws the same <see cref="ArgumentException"/>
/// ("Etag conflict"). Unlike MemoryStorage, a batch of changes is written all or nothing.
/// </summary>
internal sealed class SqliteStorage(SqliteDatabase database, TimeProvider time) : IStorage
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
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT json FROM bot_state WHERE key = $key";
            var key = command.Parameters.Add("$key", SqliteType.Text);
            foreach (var name in keys.Distinct(StringComparer.Ordinal))
            {
                key.Value = name;
                if (await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is string json)
                {
                    items[name] = BotStateJson.FromJson(json);
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

        // Serialise before taking the write lock: a value that cannot be stored fails without touching the file.
        var updated = SqliteTime.ToText(time.GetUtcNow());
        var rows = changes.Select(change => BotStateRow.From(change.Key, change.Value)).ToList();
        return database.WriteAsync(
            async (transaction, token) =>
            {
                using var current = SqliteDatabase.Command(transaction, "SELECT etag FROM bot_state WHERE key = $key");
                var currentKey = current.Parameters.Add("$key", SqliteType.Text);
                using var upsert = SqliteDatabase.Command(
                    transaction,
                    """
                    INSERT INTO bot_state (key, json, etag, updated) VALUES ($key, $json, $etag, $updated)
                    ON CONFLICT (key) DO UPDATE SET json = excluded.json, etag = excluded.etag, updated = excluded.updated
                    """);
                var key = upsert.Parameters.Add("$key", SqliteType.Text);
                var json = upsert.Parameters.Add("$json", SqliteType.Text);
                var etag = upsert.Parameters.Add("$etag", SqliteType.Text);
                upsert.Parameters.AddWithValue("$updated", updated);

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
                using var delete = SqliteDatabase.Command(transaction, "DELETE FROM bot_state WHERE key = $key");
                var key = delete.Parameters.Add("$key", SqliteType.Text);
                foreach (var name in keys)
                {
                    key.Value = name;
                    await delete.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                }
            },
            cancellationToken);
    }
}
