using NewsBot.Storage.Postgres;
using Npgsql;

namespace NewsBot.Digests;

/// <summary>Installations in PostgreSQL's <c>installations</c> table; a re-install replaces the row and clears its removal.</summary>
internal sealed class PostgresInstallations(PostgresDatabase database) : IInstallations
{
    public Task RecordInstalledAsync(Installation installation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(installation);
        return database.ExecuteAsync(
            """
            INSERT INTO installations (conversation_key, channel, conversation_type, reference, installed, removed)
            VALUES (@key, @channel, @type, @reference, @installed, NULL)
            ON CONFLICT (conversation_key) DO UPDATE SET
                channel = excluded.channel, conversation_type = excluded.conversation_type,
                reference = excluded.reference, installed = excluded.installed, removed = NULL
            """,
            parameters =>
            {
                parameters.AddWithValue("key", installation.ConversationKey);
                parameters.AddWithValue("channel", installation.Channel);
                parameters.AddWithValue("type", installation.ConversationType);
                parameters.AddWithValue("reference", installation.ReferenceJson);
                parameters.AddWithValue("installed", installation.Installed.ToUniversalTime());
            },
            cancellationToken);
    }

    public Task RecordRemovedAsync(string conversationKey, DateTimeOffset removed, CancellationToken cancellationToken) =>
        database.ExecuteAsync(
            "UPDATE installations SET removed = @removed WHERE conversation_key = @key",
            parameters =>
            {
                parameters.AddWithValue("key", conversationKey);
                parameters.AddWithValue("removed", removed.ToUniversalTime());
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
