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
    /// The id is sought segment by segment with each segment's kept enumerator (<see cref="SegmentTermsEnums"/>):
    /// Lucene's merged view of all segments' terms builds an enumerator in every segment, about 80 KB of garbage
    /// an answer at 50,000 articles.
    /// </summary>
    public static IEnumerable<(int Doc, UInt128 Key)> Live(IndexReader reader, string articleId, PassageVectorKeys keys)
    {
        var id = new BytesRef(articleId);
        foreach (var leaf in reader.Leaves)
        {
            var segment = leaf.AtomicReader;
            var terms = SegmentTermsEnums.Borrow(segment, F.ArticleId);
            DocsEnum? docs;
            try
            {
                docs = terms is not null && terms.SeekExact(id) ? terms.Docs(segment.LiveDocs, null, DocsFlags.NONE) : null;
            }
            finally
            {
                SegmentTermsEnums.Return(segment, F.ArticleId, terms);
            }

            if (docs is null)
            {
                continue;
            }

            for (var doc = docs.NextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.NextDoc())
            {
                if (keys.Get(leaf.DocBase + doc) is var key && key != UInt128.Zero)
                {
                    yield return (leaf.DocBase + doc, key);
                }
            }
        }
    }
}
