using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using NewsBot.Knowledge.Articles;
using F = NewsBot.Knowledge.Indexing.IndexFields;

namespace NewsBot.Knowledge.Indexing;

/// <summary>An immutable snapshot of the indexed articles' metadata, read from the article records of one searcher.</summary>
internal sealed class ArticleCatalog
{
    private ArticleCatalog(IReadOnlyDictionary<string, IndexedArticle> byId, IReadOnlyDictionary<string, IndexedArticle> byPath, int passages)
    {
        ById = byId;
        ByPath = byPath;
        Passages = passages;
    }

    public static ArticleCatalog Empty { get; } = new(new Dictionary<string, IndexedArticle>(StringComparer.Ordinal), new Dictionary<string, IndexedArticle>(StringComparer.Ordinal), 0);

    public IReadOnlyDictionary<string, IndexedArticle> ById { get; }

    public IReadOnlyDictionary<string, IndexedArticle> ByPath { get; }

    public int Passages { get; }

    public int Count => ById.Count;

    public static ArticleCatalog Load(IndexSearcher searcher)
    {
        var records = new List<IndexedArticle>();
        var query = new TermQuery(new Term(F.Kind, F.KindArticle));
        var collector = new AllDocsCollector();
        searcher.Search(query, collector);
        foreach (var docId in collector.DocIds)
        {
            records.Add(Read(searcher.Doc(docId)));
        }

        return new ArticleCatalog(
            records.ToDictionary(r => r.Info.Id, StringComparer.Ordinal),
            records.ToDictionary(r => r.Info.RelativePath, StringComparer.Ordinal),
            records.Sum(r => r.Info.PassageCount));
    }

    /// <summary>
    /// The catalog after a sync, from this one and the sync's changes: re-reading 50,000 article records after
    /// every one-file change would cost seconds.
    /// </summary>
    public ArticleCatalog With(IReadOnlyCollection<IndexedArticle> written, IReadOnlyCollection<string> removedPaths)
    {
        var byPath = new Dictionary<string, IndexedArticle>(ByPath, StringComparer.Ordinal);
        foreach (var path in removedPaths)
        {
            byPath.Remove(path);
        }

        foreach (var article in written)
        {
            byPath[article.Info.RelativePath] = article;
        }

        return new ArticleCatalog(
            byPath.Values.ToDictionary(r => r.Info.Id, StringComparer.Ordinal),
            byPath,
            byPath.Values.Sum(r => r.Info.PassageCount));
    }

    /// <summary>url → first seen, for every url the index ever held.</summary>
    public static Dictionary<string, DateTimeOffset> LoadSeen(IndexSearcher searcher)
    {
        var seen = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        var collector = new AllDocsCollector();
        searcher.Search(new TermQuery(new Term(F.Kind, F.KindSeen)), collector);
        foreach (var docId in collector.DocIds)
        {
            var doc = searcher.Doc(docId);
            seen[doc.Get(F.SeenUrl, CultureInfo.InvariantCulture)] = new DateTimeOffset(doc.GetField(F.FirstSeen).GetInt64Value()!.Value, TimeSpan.Zero);
        }

        return seen;
    }

    private static IndexedArticle Read(Document doc)
    {
        var tags = doc.Get(F.TagList, CultureInfo.InvariantCulture) is { Length: > 0 } list ? list.Split(ArticleDocuments.TagSeparator) : [];
        var updated = doc.GetField(F.Updated)?.GetInt64Value();
        var info = new ArticleInfo(
            doc.Get(F.ArticleId, CultureInfo.InvariantCulture),
            doc.Get(F.Path, CultureInfo.InvariantCulture),
            doc.Get(F.Title, CultureInfo.InvariantCulture),
            new Uri(doc.Get(F.Url, CultureInfo.InvariantCulture)),
            Ticks(doc.GetField(F.Published)),
            updated is null ? null : new DateTimeOffset(updated.Value, TimeSpan.Zero),
            doc.Get(F.Source, CultureInfo.InvariantCulture),
            tags,
            doc.Get(F.Summary, CultureInfo.InvariantCulture),
            Ticks(doc.GetField(F.FirstSeen)),
            doc.GetField(F.PassageCount).GetInt32Value() ?? 0,
            doc.Get(F.Lead, CultureInfo.InvariantCulture));
        return new IndexedArticle(
            info,
            doc.Get(F.ContentHash, CultureInfo.InvariantCulture),
            new FileStamp(doc.GetField(F.FileSize)?.GetInt64Value() ?? -1, doc.GetField(F.FileTime)?.GetInt64Value() ?? -1));
    }

    private static DateTimeOffset Ticks(IIndexableField field) => new(field.GetInt64Value() ?? 0, TimeSpan.Zero);

    /// <summary>Collects every matching document id, in index order.</summary>
    private sealed class AllDocsCollector : ICollector
    {
        private int _docBase;

        public List<int> DocIds { get; } = [];

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void Collect(int doc) => DocIds.Add(_docBase + doc);

        public void SetNextReader(AtomicReaderContext context) => _docBase = context.DocBase;
    }
}

/// <summary>An article as the index holds it: its metadata and the hash of the file it came from.</summary>
internal sealed record IndexedArticle(ArticleInfo Info, string ContentHash, FileStamp Stamp);
