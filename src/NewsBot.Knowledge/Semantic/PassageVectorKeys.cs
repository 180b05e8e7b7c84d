using Lucene.Net.Index;
using Lucene.Net.Util;
using F = NewsBot.Knowledge.Indexing.IndexFields;

namespace NewsBot.Knowledge.Semantic;

/// <summary>Reads passages' vector keys from doc values, for the BM25 hits of one reader.</summary>
internal sealed class PassageVectorKeys
{
    private readonly IList<AtomicReaderContext> _leaves;
    private readonly BinaryDocValues?[] _values;
    private readonly BytesRef _scratch = new();

    public PassageVectorKeys(IndexReader reader)
    {
        _leaves = reader.Leaves;
        _values = _leaves.Select(leaf => leaf.AtomicReader.GetBinaryDocValues(F.VectorKey)).ToArray();
    }

    /// <summary>Every live passage of <paramref name="reader"/> with its key, in index order (documents numbered across the reader).</summary>
    public static IEnumerable<(int Doc, UInt128 Key)> Live(IndexReader reader)
    {
        var scratch = new BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            var atomic = leaf.AtomicReader;
            var keys = atomic.GetBinaryDocValues(F.VectorKey);
            var present = atomic.GetDocsWithField(F.VectorKey);
            if (keys is null || present is null)
            {
                continue;
            }

            var live = atomic.LiveDocs;
            for (var doc = 0; doc < atomic.MaxDoc; doc++)
            {
                if ((live is not null && !live.Get(doc)) || !present.Get(doc))
                {
                    continue;
                }

                keys.Get(doc, scratch);
                yield return (leaf.DocBase + doc, VectorKeys.FromBytes(scratch));
            }
        }
    }

    /// <summary>The key, or zero for a document without one.</summary>
    public UInt128 Get(int docId)
    {
        var leaf = ReaderUtil.SubIndex(docId, _leaves);
        var values = _values[leaf];
        if (values is null)
        {
            return UInt128.Zero;
        }

        values.Get(docId - _leaves[leaf].DocBase, _scratch);
        return VectorKeys.FromBytes(_scratch);
    }
}
