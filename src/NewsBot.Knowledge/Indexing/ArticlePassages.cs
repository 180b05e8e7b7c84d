using Lucene.Net.Index;
using Lucene.Net.Search;
using F = NewsBot.Knowledge.Indexing.IndexFields;

namespace NewsBot.Knowledge.Indexing;

/// <summary>The passage documents of one article, read from the postings of its id.</summary>
internal static class ArticlePassages
{
    /// <summary>The live passage documents of an article, in index order.</summary>
    public static IEnumerable<int> Live(IndexReader reader, string articleId)
    {
        var liveDocs = MultiFields.GetLiveDocs(reader);
        var ofArticle = MultiFields.GetTermDocsEnum(reader, liveDocs, F.ArticleId, new Lucene.Net.Util.BytesRef(articleId));
        var passages = MultiFields.GetTermDocsEnum(reader, liveDocs, F.Kind, new Lucene.Net.Util.BytesRef(F.KindPassage));
        if (ofArticle is null || passages is null)
        {
            yield break;
        }

        for (var doc = ofArticle.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = ofArticle.NextDoc())
        {
            var at = passages.DocID >= doc ? passages.DocID : passages.Advance(doc);
            if (at == DocIdSetIterator.NO_MORE_DOCS)
            {
                yield break;
            }

            if (at == doc)
            {
                yield return doc;
            }
        }
    }
}
