using NewsBot.Storage.Postgres;
using NpgsqlTypes;

namespace NewsBot.Collection;

/// <summary>Article sightings in PostgreSQL's <c>article_sightings</c> table, shared by the replicas.</summary>
internal sealed class PostgresArticleSightings(PostgresDatabase database) : IArticleSightings
{
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> RecordAsync(IReadOnlyCollection<ArticleSighting> sightings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sightings);
        var kept = new Dictionary<string, DateTimeOffset>(sightings.Count, StringComparer.Ordinal);
        if (sightings.Count == 0)
        {
            return kept;
        }

        // In url order, so that two replicas recording overlapping sets lock the same rows in the same order.
        var ordered = sightings.OrderBy(s => s.Url, StringComparer.Ordinal).ToList();
        var urls = ordered.Select(s => s.Url).ToArray();
        var times = ordered.Select(s => s.FirstSeen.ToUniversalTime()).ToArray();
        return await database.WriteAsync(
            async (transaction, token) =>
            {
                await using (var insert = PostgresDatabase.Command(transaction, """
                    INSERT INTO article_sightings (url, first_seen)
                    SELECT * FROM unnest(@urls, @times)
                    ON CONFLICT (url) DO NOTHING
                    """))
                {
                    insert.Parameters.Add(new Npgsql.NpgsqlParameter("urls", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = urls });
                    insert.Parameters.Add(new Npgsql.NpgsqlParameter("times", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = times });
                    await insert.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                }

                await using var select = PostgresDatabase.Command(transaction, "SELECT url, first_seen FROM article_sightings WHERE url = ANY(@urls)");
                select.Parameters.Add(new Npgsql.NpgsqlParameter("urls", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = urls });
                var reader = await select.ExecuteReaderAsync(token).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(token).ConfigureAwait(false))
                    {
                        kept[reader.GetString(0)] = reader.GetFieldValue<DateTimeOffset>(1);
                    }
                }

                return (IReadOnlyDictionary<string, DateTimeOffset>)kept;
            },
            cancellationToken).ConfigureAwait(false);
    }
}
