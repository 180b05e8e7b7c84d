using NewsBot.Storage.Postgres;

namespace NewsBot.Slack;

/// <summary>
/// Accepted Slack keys in PostgreSQL's <c>slack_events</c> table: two replicas accepting the same key at once are
/// serialised by its primary key, and the second finds it held.
/// </summary>
internal sealed class PostgresSlackEventStore(PostgresDatabase database) : ISlackEventStore
{
    public async Task<bool> TryAcceptAsync(string key, string owner, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken) =>
        await database.ExecuteAsync(
            """
            INSERT INTO slack_events (key, accepted_by, accepted, expires) VALUES (@key, @owner, @now, @until)
            ON CONFLICT (key) DO UPDATE SET accepted_by = excluded.accepted_by, accepted = excluded.accepted, expires = excluded.expires
            WHERE slack_events.expires <= @now
            """,
            parameters =>
            {
                parameters.AddWithValue("key", key);
                parameters.AddWithValue("owner", owner);
                parameters.AddWithValue("now", now.ToUniversalTime());
                parameters.AddWithValue("until", until.ToUniversalTime());
            },
            cancellationToken).ConfigureAwait(false) > 0;

    public Task ForgetAsync(string key, string owner, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            "DELETE FROM slack_events WHERE key = @key AND accepted_by = @owner",
            parameters =>
            {
                parameters.AddWithValue("key", key);
                parameters.AddWithValue("owner", owner);
            },
            cancellationToken);

    public Task PurgeAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        database.ExecuteAsync("DELETE FROM slack_events WHERE expires < @before", parameters => parameters.AddWithValue("before", before.ToUniversalTime()), cancellationToken);
}
