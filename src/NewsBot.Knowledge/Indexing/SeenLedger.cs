using Lucene.Net.Index;
using Lucene.Net.Search;
using F = NewsBot.Knowledge.Indexing.IndexFields;

namespace NewsBot.Knowledge.Indexing;

/// <summary>
/// When the index first saw each url, looked up one url at a time: from the catalog for articles it serves,
/// else from the "seen" records (a term lookup). Loading every record on each sync would cost seconds at
/// 50,000 articles.
/// </summary>
internal sealed class SeenLedger(ArticleIndex index, ArticleCatalog catalog) : IDisposable
{
    private readonly Dictionary<string, DateTimeOffset> _byUrl = catalog.ById.Values
        .GroupBy(a => a.Info.Url.AbsoluteUri, StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Min(a => a.Info.FirstSeen), StringComparer.Ordinal);

    private readonly SearcherLease _lease = index.Lease();

    public DateTimeOffset? FirstSeen(string url)
    {
        if (_byUrl.TryGetValue(url, out var known))
        {
            return known;
        }

        var hits = _lease.Searcher.Search(new TermQuery(new Term(F.SeenUrl, url)), 1).ScoreDocs;
        if (hits.Length == 0)
        {
            return null;
        }

        var ticks = _lease.Searcher.Doc(hits[0].Doc).GetField(F.FirstSeen).GetInt64Value();
        return ticks is null ? null : new DateTimeOffset(ticks.Value, TimeSpan.Zero);
    }

    public void Add(string url, DateTimeOffset firstSeen) => _byUrl[url] = firstSeen;

    public void Dispose() => _lease.Dispose();
}
