using NewsBot.Storage.Postgres;

namespace NewsBot.Slack;

/// <summary>
/// Accepted Slack keys in PostgreSQL's <c>slack_events</c> table: two replicas accepting the same key at once are
/// serialised by its primary key, and the second finds it held.
/// </summary>
internal sealed class PostgresSlackEventStore(PostgresDatabase database) : ISlackEventStore
{
    public Task<bool> TryAcceptAsync(string key, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (transaction, token) =>
            {
                await using var upsert = PostgresDatabase.Command(transaction, """
                    INSERT INTO slack_events (key, accepted_by, accepted, expires) VALUES (@key, @owner, @now, @until)
                    ON CONFLICT (key) DO UPDATE SET accepted_by = excluded.accepted_by, accepted = excluded.accepted, expires = excluded.expires
                    WHERE slack_events.expires <= @now
                    """);
                upsert.Parameters.AddWithValue("key", key);
                upsert.Parameters.AddWithValue("owner", owner);
                upsert.Parameters.AddWithValue("now", now.ToUniversalTime());
                upsert.Parameters.AddWithValue("until", until.ToUniversalTime());
                return await upsert.ExecuteNonQueryAsync(token).ConfigureAwait(false) > 0;
            },
            cancellationToken);

    public Task ForgetAsync(string key, string owner, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (transaction, token) =>
            {
                await using var delete = PostgresDatabase.Command(transaction, "DELETE FROM slack_events WHERE key = @key AND accepted_by = @owner");
                delete.Parameters.AddWithValue("key", key);
                delete.Parameters.AddWithValue("owner", owner);
                await delete.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken);

    public Task PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (transaction, token) =>
            {
                await using var delete = PostgresDatabase.Command(transaction, "DELETE FROM slack_events WHERE expires < @before");
                delete.Parameters.AddWithValue("before", before.ToUniversalTime());
                await delete.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken);
}
