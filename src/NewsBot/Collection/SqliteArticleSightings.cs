using Microsoft.Data.Sqlite;
using NewsBot.Storage;

namespace NewsBot.Collection;

/// <summary>Article sightings in the <c>article_sightings</c> table of the bot's SQLite file.</summary>
internal sealed class SqliteArticleSightings(SqliteDatabase database) : IArticleSightings
{
    public async Task<IReadOnlyDictionary<string, DateTimeOffset>> RecordAsync(IReadOnlyCollection<ArticleSighting> sightings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sightings);
        var kept = new Dictionary<string, DateTimeOffset>(sightings.Count, StringComparer.Ordinal);
        if (sightings.Count == 0)
        {
            return kept;
        }

        await database.WriteAsync(
            async (transaction, token) =>
            {
                using var insert = SqliteDatabase.Command(transaction, "INSERT INTO article_sightings (url, first_seen) VALUES ($url, $seen) ON CONFLICT (url) DO NOTHING");
                var url = insert.Parameters.Add("$url", SqliteType.Text);
                var seen = insert.Parameters.Add("$seen", SqliteType.Text);
                using var select = SqliteDatabase.Command(transaction, "SELECT first_seen FROM article_sightings WHERE url = $url");
                var selected = select.Parameters.Add("$url", SqliteType.Text);
                foreach (var sighting in sightings)
                {
                    url.Value = sighting.Url;
                    seen.Value = SqliteTime.ToText(sighting.FirstSeen);
                    await insert.ExecuteNonQueryAsync(token).ConfigureAwait(false);
                    selected.Value = sighting.Url;
                    kept[sighting.Url] = SqliteTime.FromText((string)(await select.ExecuteScalarAsync(token).ConfigureAwait(false))!);
                }
            },
            cancellationToken).ConfigureAwait(false);
        return kept;
    }
}
