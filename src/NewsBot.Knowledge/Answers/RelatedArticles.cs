using System.Collections.Concurrent;
using Lucene.Net.Index;
using Lucene.Net.Search;
using NewsBot.Knowledge.Analysis;
using NewsBot.Knowledge.Answers.Search;
using NewsBot.Knowledge.Indexing;
using F = NewsBot.Knowledge.Indexing.IndexFields;

namespace NewsBot.Knowledge.Answers;

/// <summary>
/// Articles like an answer's lead article, the way Lucene's <c>MoreLikeThis</c> finds them: the lead's title, tags
/// and summary give their most telling terms (frequency × idf, in at least two articles), which are searched among
/// the article records (one per article, <see cref="F.ArticleAbout"/>) rather than the passages. Term statistics
/// come from <see cref="SegmentTermStates"/> and the search runs term at a time (<see cref="PassageSearch.AnyTerm"/>):
/// <c>MoreLikeThis</c> itself seeks every term in every segment and took about 10 ms at 50,000 articles. The
/// ranked ids are kept per lead article until the index changes, since answers keep leading with the same
/// articles; the shown results are left out afterwards.
/// </summary>
internal sealed class RelatedArticles(Lucene.Net.Analysis.Analyzer analyzer)
{
    /// <summary>Related ids kept per lead article: enough to leave out a page of results and still fill the list.</summary>
    private const int Kept = 12;
    private const int MaxQueryTerms = 12;

    /// <summary>A term only one article holds tells nothing about kinship.</summary>
    private const int MinArticles = 2;
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
        // What the article is about (title, tags, summary) says more about kinship than the quoted passage.
        var text = string.Join(". ", lead.Title, string.Join(' ', lead.Tags), lead.Summary ?? passage);
        var articleIds = new PassageArticleIds(searcher.IndexReader);
        return PassageSearch.AnyTerm(searcher, F.ArticleAbout, TellingTerms(searcher.IndexReader, text), depth + 1)
            .Select(hit => articleIds.Get(hit.Doc))
            .OfType<string>()
            .Where(id => id != lead.Id)
            .ToArray();
    }

    /// <summary>
    /// The text's terms that say most about it, as <c>MoreLikeThis</c> picks them: each term's count in the text ×
    /// its classic idf (1 + ln(documents / (articles holding it + 1))), terms of fewer than
    /// <see cref="MinArticles"/> articles left out, the best <see cref="MaxQueryTerms"/> kept (ties alphabetical).
    /// </summary>
    private List<string> TellingTerms(IndexReader reader, string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var token in TextAnalysis.Tokens(analyzer, F.ArticleAbout, text))
        {
            counts[token.Term] = counts.GetValueOrDefault(token.Term) + 1;
        }

        var documents = reader.NumDocs;
        return counts
            .Select(pair => (Term: pair.Key, Count: pair.Value, Articles: SegmentTermStates.Context(reader.Context, F.ArticleAbout, pair.Key).DocFreq))
            .Where(t => t.Articles >= MinArticles)
            .Select(t => (t.Term, Score: t.Count * (float)(Math.Log(documents / (double)(t.Articles + 1)) + 1.0)))
            .OrderByDescending(t => t.Score)
            .ThenBy(t => t.Term, StringComparer.Ordinal)
            .Take(MaxQueryTerms)
            .Select(t => t.Term)
            .ToList();
    }

    /// <summary>Related ids per lead article id, valid for one index reader (a sync opens a new one).</summary>
    private sealed class Cache(IndexReader? reader)
    {
        public IndexReader? Reader { get; } = reader;

        public ConcurrentDictionary<string, string[]> ById { get; } = new(StringComparer.Ordinal);
    }
}
