namespace NewsBot.Collection;

/// <summary>
/// When the bot first saw each article, by url, kept in the database so every replica counts the same articles as
/// new in its digests: a replica's own index only knows when that replica first saw them (a replica started today on
/// an empty data folder first saw the whole collection today). The first time recorded for a url is kept for good.
/// </summary>
internal interface IArticleSightings
{
    /// <summary>
    /// Records the sightings whose url is not recorded yet, and returns the time kept for each given url: its own, or
    /// the one another replica recorded before.
    /// </summary>
    Task<IReadOnlyDictionary<string, DateTimeOffset>> RecordAsync(IReadOnlyCollection<ArticleSighting> sightings, CancellationToken cancellationToken);
}

/// <param name="Url">The article's absolute url, as the index keys it.</param>
internal sealed record ArticleSighting(string Url, DateTimeOffset FirstSeen);
