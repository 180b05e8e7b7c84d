using Lucene.Net.Index;
using Lucene.Net.Search;
using F = NewsBot.Knowledge.Indexing.IndexFields;

namespace NewsBot.Knowledge.Indexing;

/// <summary>
/// When the index first saw each url, looked up one url at a time: first among the urls seen during this sync,
/// then in the catalog for articles it serves, else in the "seen" records (a term lookup). Loading every record,
/// or regrouping the catalog by url, on each sync would cost tens of milliseconds to seconds at 50,000 articles.
/// </summary>
internal sealed class SeenLedger(ArticleIndex index, ArticleCatalog catalog) : IDisposable
{
    private readonly Dictionary<string, DateTimeOffset> _added = new(StringComparer.Ordinal);
    private readonly SearcherLease _lease = index.Lease();

    public DateTimeOffset? FirstSeen(string url)
    {
        if (_added.TryGetValue(url, out var added))
        {
            return added;
        }

        if (catalog.ByUrl.TryGetValue(url, out var served))
        {
            return served.Info.FirstSeen;
        }

        var hits = _lease.Searcher.Search(new TermQuery(new Term(F.SeenUrl, url)), 1).ScoreDocs;
        if (hits.Length == 0)
        {
            return null;
        }

        var ticks = _lease.Searcher.Doc(hits[0].Doc).GetField(F.FirstSeen).GetInt64Value();
        return ticks is null ? null : new DateTimeOffset(ticks.Value, TimeSpan.Zero);
    }

    public void Add(string url, DateTimeOffset firstSeen) => _added[url] = firstSeen;

    public void Dispose() => _lease.Dispose();
}
