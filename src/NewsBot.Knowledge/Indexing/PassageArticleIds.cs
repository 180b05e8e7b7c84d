using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;
using F = NewsBot.Knowledge.Indexing.IndexFields;

namespace NewsBot.Knowledge.Indexing;

/// <summary>
/// Reads a passage's article id from doc values: a column lookup, where loading stored fields would
/// decompress a block per hit (the difference between 20 and several hundred queries per second).
/// Each id read is remembered per segment by its ordinal: Lucene.Net's ordinal lookup in the compressed terms of a
/// segment allocates about a kilobyte a call, and an answer reads the ids of its hundred hits (a tenth of an answer's
/// allocations at 50,000 articles). A segment's ordinals never change, so the ids stay true for its life.
/// </summary>
internal sealed class PassageArticleIds
{
    private static readonly ConditionalWeakTable<object, string?[]> Remembered = new();

    private readonly IList<AtomicReaderContext> _leaves;
    private readonly SortedDocValues?[] _values;
    private readonly string?[]?[] _ids;
    private readonly BytesRef _scratch = new();

    public PassageArticleIds(IndexReader reader)
    {
        _leaves = reader.Leaves;
        _values = _leaves.Select(leaf => leaf.AtomicReader.GetSortedDocValues(F.ArticleId)).ToArray();
        _ids = _leaves.Select((leaf, i) => _values[i] is { } values ? Remembered.GetValue(leaf.AtomicReader.CoreCacheKey, _ => new string?[values.ValueCount]) : null).ToArray();
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

        var ids = _ids[leaf]!;
        if (ids[ordinal] is { } known)
        {
            return known;
        }

        values.LookupOrd(ordinal, _scratch);
        return ids[ordinal] = _scratch.Utf8ToString();
    }
}
