using NewsBot.Storage.Postgres;
using Npgsql;

namespace NewsBot.Digests;

/// <summary>Installations in PostgreSQL's <c>installations</c> table; a re-install replaces the row and clears its removal.</summary>
internal sealed class PostgresInstallations(PostgresDatabase database) : IInstallations
{
    public Task RecordInstalledAsync(Installation installation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(installation);
        return database.WriteAsync(
            async (transaction, token) =>
            {
                await using var upsert = PostgresDatabase.Command(
                    transaction,
                    """
                    INSERT INTO installations (conversation_key, channel, conversation_type, reference, installed, removed)
                    VALUES (@key, @channel, @type, @reference, @installed, NULL)
                    ON CONFLICT (conversation_key) DO UPDATE SET
                        channel = excluded.channel, conversation_type = excluded.conversation_type,
                        reference = excluded.reference, installed = excluded.installed, removed = NULL
                    """);
                upsert.Parameters.AddWithValue("key", installation.ConversationKey);
                upsert.Parameters.AddWithValue("channel", installation.Channel);
                upsert.Parameters.AddWithValue("type", installation.ConversationType);
                upsert.Parameters.AddWithValue("reference", installation.ReferenceJson);
                upsert.Parameters.AddWithValue("installed", installation.Installed.ToUniversalTime());
                await upsert.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public Task RecordRemovedAsync(string conversationKey, DateTimeOffset removed, CancellationToken cancellationToken) =>
        database.WriteAsync(
            async (transaction, token) =>
            {
                await using var update = PostgresDatabase.Command(transaction, "UPDATE installations SET removed = @removed WHERE conversation_key = @key");
                update.Parameters.AddWithValue("key", conversationKey);
                update.Parameters.AddWithValue("removed", removed.ToUniversalTime());
                await update.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken);

    public async Task<Installation?> FindAsync(string conversationKey, CancellationToken cancellationToken)
    {
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand("SELECT channel, conversation_type, reference, installed, removed FROM installations WHERE conversation_key = @key", connection);
            command.Parameters.AddWithValue("key", conversationKey);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }

                return new Installation(
                    conversationKey,
                    reader.GetString(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    reader.GetFieldValue<DateTimeOffset>(3),
                    reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4));
            }
        }
    }
}
