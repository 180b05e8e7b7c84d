using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using NewsBot.Knowledge.Articles;
using F = NewsBot.Knowledge.Indexing.IndexFields;

namespace NewsBot.Knowledge.Indexing;

/// <summary>
/// An immutable snapshot of the indexed articles' metadata, read from the article records of one searcher, with the
/// articles by id, by path and by url (urls and ids are unique among served articles: a sync refuses duplicates).
/// </summary>
internal sealed class ArticleCatalog
{
    private readonly Dictionary<string, IndexedArticle> _byId;
    private readonly Dictionary<string, IndexedArticle> _byPath;
    private readonly Dictionary<string, IndexedArticle> _byUrl;

    private ArticleCatalog(Dictionary<string, IndexedArticle> byId, Dictionary<string, IndexedArticle> byPath, Dictionary<string, IndexedArticle> byUrl, int passages)
    {
        _byId = byId;
        _byPath = byPath;
        _byUrl = byUrl;
        Passages = passages;
    }

    public static ArticleCatalog Empty { get; } = new(NewIndex(0), NewIndex(0), NewIndex(0), 0);

    public IReadOnlyDictionary<string, IndexedArticle> ById => _byId;

    public IReadOnlyDictionary<string, IndexedArticle> ByPath => _byPath;

    /// <summary>By <see cref="Uri.AbsoluteUri"/>.</summary>
    public IReadOnlyDictionary<string, IndexedArticle> ByUrl => _byUrl;

    public int Passages { get; }

    public int Count => _byPath.Count;

    /// <summary>The <paramref name="count"/> most recently published articles, newest first (ties by title).</summary>
    public IReadOnlyList<ArticleInfo> Newest(int count) =>
        _byId.Values
            .Select(a => a.Info)
            .OrderByDescending(a => a.Published)
            .ThenBy(a => a.Title, StringComparer.Ordinal)
            .Take(Math.Max(count, 0))
            .ToList();

    public static ArticleCatalog Load(IndexSearcher searcher)
    {
        var query = new TermQuery(new Term(F.Kind, F.KindArticle));
        var collector = new AllDocsCollector();
        searcher.Search(query, collector);
        var byId = NewIndex(collector.DocIds.Count);
        var byPath = NewIndex(collector.DocIds.Count);
        var byUrl = NewIndex(collector.DocIds.Count);
        var passages = 0;
        foreach (var docId in collector.DocIds)
        {
            var article = Read(searcher.Doc(docId));
            byId.Add(article.Info.Id, article);
            byPath.Add(article.Info.RelativePath, article);
            byUrl.TryAdd(article.Info.Url.AbsoluteUri, article);
            passages += article.Info.PassageCount;
        }

        return new ArticleCatalog(byId, byPath, byUrl, passages);
    }

    /// <summary>
    /// The catalog after a sync, from this one and the sync's changes: copies of the three lookups patched with
    /// what was written and removed (re-reading 50,000 article records, or regrouping them, after every one-file
    /// change would cost tens of milliseconds to seconds).
    /// </summary>
    public ArticleCatalog With(IReadOnlyCollection<IndexedArticle> written, IReadOnlyCollection<string> removedPaths)
    {
        var byId = new Dictionary<string, IndexedArticle>(_byId, StringComparer.Ordinal);
        var byPath = new Dictionary<string, IndexedArticle>(_byPath, StringComparer.Ordinal);
        var byUrl = new Dictionary<string, IndexedArticle>(_byUrl, StringComparer.Ordinal);
        var passages = Passages;

        void Forget(string path)
        {
            if (!byPath.Remove(path, out var old))
            {
                return;
            }

            // Another article written in the same sync may already have taken over the id or url.
            RemoveIfOwnedBy(byId, old.Info.Id, old);
            RemoveIfOwnedBy(byUrl, old.Info.Url.AbsoluteUri, old);
            passages -= old.Info.PassageCount;
        }

        foreach (var path in removedPaths)
        {
            Forget(path);
        }

        foreach (var article in written)
        {
            Forget(article.Info.RelativePath);
            byPath[article.Info.RelativePath] = article;
            byId[article.Info.Id] = article;
            byUrl[article.Info.Url.AbsoluteUri] = article;
            passages += article.Info.PassageCount;
        }

        return new ArticleCatalog(byId, byPath, byUrl, passages);
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

    private static Dictionary<string, IndexedArticle> NewIndex(int capacity) => new(capacity, StringComparer.Ordinal);

    private static void RemoveIfOwnedBy(Dictionary<string, IndexedArticle> lookup, string key, IndexedArticle owner)
    {
        if (lookup.TryGetValue(key, out var current) && ReferenceEquals(current, owner))
        {
            lookup.Remove(key);
        }
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
