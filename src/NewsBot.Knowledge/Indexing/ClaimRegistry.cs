namespace NewsBot.Knowledge.Indexing;

/// <summary>
/// Who owns each url and id during one sync. Articles that stay served keep theirs (looked up in the catalog);
/// the articles this sync re-reads or removes (<paramref name="released"/>) give theirs up, and new and changed
/// files then claim in path order: the first claim wins, later ones are refused as duplicates.
/// </summary>
internal sealed class ClaimRegistry(ArticleCatalog catalog, IReadOnlySet<string> released)
{
    private readonly Dictionary<string, string> _urls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);

    /// <param name="field">The front matter field in conflict: "url" or "id".</param>
    public bool TryClaim(string id, string url, string path, out string field, out string conflict)
    {
        if (Owner(_urls, catalog.ByUrl, url) is { } urlOwner && urlOwner != path)
        {
            field = "url";
            conflict = $"duplicate url {url}: already used by {urlOwner}";
            return false;
        }

        if (Owner(_ids, catalog.ById, id) is { } idOwner && idOwner != path)
        {
            field = "id";
            conflict = $"duplicate id '{id}': already used by {idOwner}";
            return false;
        }

        _urls[url] = path;
        _ids[id] = path;
        field = conflict = string.Empty;
        return true;
    }

    private string? Owner(Dictionary<string, string> claimed, IReadOnlyDictionary<string, IndexedArticle> served, string key)
    {
        if (claimed.TryGetValue(key, out var claimant))
        {
            return claimant;
        }

        return served.TryGetValue(key, out var article) && !released.Contains(article.Info.RelativePath) ? article.Info.RelativePath : null;
    }
}
