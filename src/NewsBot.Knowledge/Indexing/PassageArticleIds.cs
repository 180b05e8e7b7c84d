using Lucene.Net.Index;
using Lucene.Net.Util;
using F = NewsBot.Knowledge.Indexing.IndexFields;

namespace NewsBot.Knowledge.Indexing;

/// <summary>
/// Reads a passage's article id from doc values: a column lookup, where loading stored fields would
/// decompress a block per hit (the difference between 20 and several hundred queries per second).
/// </summary>
internal sealed class PassageArticleIds
{
    private readonly IList<AtomicReaderContext> _leaves;
    private readonly SortedDocValues?[] _values;
    private readonly BytesRef _scratch = new();

    public PassageArticleIds(IndexReader reader)
    {
        _leaves = reader.Leaves;
        _values = _leaves.Select(leaf => leaf.AtomicReader.GetSortedDocValues(F.ArticleId)).ToArray();
    }

    public string? Get(int docId)
    {
        var leaf = ReaderUtil.SubIndex(docId, _leaves);
        var values = _values[leaf];
        if (values is null)
        {
            return null;
        }

        var ordinal = values.GetOrd(docId - _leaves[leaf].DocBase);
        if (ordinal < 0)
        {
            return null;
        }

        values.LookupOrd(ordinal, _scratch);
        return _scratch.Utf8ToString();
    }
}
