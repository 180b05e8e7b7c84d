using NewsBot.Storage;

namespace NewsBot.Slack;

/// <summary>Accepted Slack keys in the <c>slack_events</c> table of the bot's SQLite file.</summary>
internal sealed class SqliteSlackEventStore(SqliteDatabase database) : ISlackEventStore
{
    public async Task<bool> TryAcceptAsync(string key, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        var accepted = false;
        await database.WriteAsync(
            async (transaction, token) =>
            {
                using var upsert = SqliteDatabase.Command(transaction, """
                    INSERT INTO slack_events (key, accepted_by, accepted, expires) VALUES ($key, $owner, $now, $until)
                    ON CONFLICT (key) DO UPDATE SET accepted_by = excluded.accepted_by, accepted = excluded.accepted, expires = excluded.expires
                    WHERE slack_events.expires <= $now
                    """);
                upsert.Parameters.AddWithValue("$key", key);
                upsert.Parameters.AddWithValue("$owner", owner);
                upsert.Parameters.AddWithValue("$now", SqliteTime.ToText(now));
                upsert.Parameters.AddWithValue("$until", SqliteTime.ToText(until));
                accepted = await upsert.ExecuteNonQueryAsync(token).ConfigureAwait(false) > 0;
            },
            cancellationToken).ConfigureAwait(false);
        return accepted;
    }

    public Task ForgetAsync(string key, string owner, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (transaction, token) =>
            {
                using var delete = SqliteDatabase.Command(transaction, "DELETE FROM slack_events WHERE key = $key AND accepted_by = $owner");
                delete.Parameters.AddWithValue("$key", key);
                delete.Parameters.AddWithValue("$owner", owner);
                await delete.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken);

    public Task PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (transaction, token) =>
            {
                using var delete = SqliteDatabase.Command(transaction, "DELETE FROM slack_events WHERE expires < $before");
                delete.Parameters.AddWithValue("$before", SqliteTime.ToText(before));
                await delete.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken);
}
