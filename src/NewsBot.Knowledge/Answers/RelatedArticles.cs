using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Queries.Mlt;
using Lucene.Net.Search;
using NewsBot.Knowledge.Indexing;
using F = NewsBot.Knowledge.Indexing.IndexFields;

namespace NewsBot.Knowledge.Answers;

/// <summary>
/// Articles like an answer's lead article: Lucene's <see cref="MoreLikeThis"/> on the lead's title, tags and
/// summary, searched among the article records (one per article, <see cref="F.ArticleAbout"/>) rather than the
/// passages. The ranked ids are kept per lead article until the index changes, since answers keep leading with
/// the same articles; the shown results are left out afterwards.
/// </summary>
internal sealed class RelatedArticles(Lucene.Net.Analysis.Analyzer analyzer)
{
    /// <summary>Related ids kept per lead article: enough to leave out a page of results and still fill the list.</summary>
    private const int Kept = 12;
    private const int MaxQueryTerms = 12;
    private const int MaxCachedArticles = 10_000;

    private volatile Cache _cache = new(null);

    public List<ArticleLink> Find(IndexSearcher searcher, ArticleCatalog articles, ArticleInfo lead, string passage, ISet<string> exclude, int max)
    {
        var cache = _cache;
        if (!ReferenceEquals(cache.Reader, searcher.IndexReader))
        {
            _cache = cache = new Cache(searcher.IndexReader);
        }

        if (!cache.ById.TryGetValue(lead.Id, out var ids))
        {
            ids = Search(searcher, lead, passage, Kept);
            if (cache.ById.Count < MaxCachedArticles)
            {
                cache.ById[lead.Id] = ids;
            }
        }

        var related = Pick(ids, articles, exclude, max);
        if (related.Count < max && ids.Length == Kept)
        {
            // A long page of results used up the kept ids: look further, uncached.
            related = Pick(Search(searcher, lead, passage, Kept + exclude.Count + max), articles, exclude, max);
        }

        return related;
    }

    private static List<ArticleLink> Pick(string[] ids, ArticleCatalog articles, ISet<string> exclude, int max)
    {
        var related = new List<ArticleLink>(max);
        var seen = new HashSet<string>(exclude, StringComparer.Ordinal);
        foreach (var id in ids)
        {
            if (seen.Add(id) && articles.ById.TryGetValue(id, out var article))
            {
                related.Add(ArticleLink.From(article.Info));
                if (related.Count == max)
                {
                    break;
                }
            }
        }

        return related;
    }

    private string[] Search(IndexSearcher searcher, ArticleInfo lead, string passage, int depth)
    {
        var moreLikeThis = new MoreLikeThis(searcher.IndexReader)
        {
            Analyzer = analyzer,
            FieldNames = [F.ArticleAbout],
            MinTermFreq = 1,
            MinDocFreq = 2,
            MaxQueryTerms = MaxQueryTerms,
        };

        // What the article is about (title, tags, summary) says more about kinship than the quoted passage.
        var text = string.Join(". ", lead.Title, string.Join(' ', lead.Tags), lead.Summary ?? passage);
        var like = moreLikeThis.Like(new StringReader(text), F.ArticleAbout);
        var articleIds = new PassageArticleIds(searcher.IndexReader);
        return searcher.Search(like, depth + 1).ScoreDocs
            .Select(hit => articleIds.Get(hit.Doc))
            .OfType<string>()
            .Where(id => id != lead.Id)
            .ToArray();
    }

    /// <summary>Related ids per lead article id, valid for one index reader (a sync opens a new one).</summary>
    private sealed class Cache(IndexReader? reader)
    {
        public IndexReader? Reader { get; } = reader;

        public ConcurrentDictionary<string, string[]> ById { get; } = new(StringComparer.Ordinal);
    }
}
