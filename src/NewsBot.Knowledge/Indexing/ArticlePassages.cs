using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using NewsBot.Knowledge.Semantic;
using F = NewsBot.Knowledge.Indexing.IndexFields;

namespace NewsBot.Knowledge.Indexing;

/// <summary>The passage documents of one article, read from the postings of its id.</summary>
internal static class ArticlePassages
{
    /// <summary>
    /// The live passages of an article with their content keys, in index order. The article's id also marks its
    /// record, which has no vector key: a few doc-values reads instead of walking the postings of every passage.
    /// </summary>
    public static IEnumerable<(int Doc, UInt128 Key)> Live(IndexReader reader, string articleId, PassageVectorKeys keys)
    {
        var docs = MultiFields.GetTermDocsEnum(reader, MultiFields.GetLiveDocs(reader), F.ArticleId, new BytesRef(articleId));
        if (docs is null)
        {
            yield break;
        }

        for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
        {
            if (keys.Get(doc) is var key && key != UInt128.Zero)
            {
                yield return (doc, key);
            }
        }
    }
}
