using Lucene.Net.Index;
using Lucene.Net.Util;

namespace NewsBot.Knowledge.Indexing;

/// <summary>
/// The budgeted pass both warm-ups make (<see cref="PostingsWarmup"/> for posting lists, <see cref="PositionsWarmup"/>
/// for positions): in the segments not warmed before, the long lists (<see cref="PackedPostings.MinDocFreq"/>
/// documents or more) of some fields are packed, the longest first, while the segments hold less than a budget of
/// them; a pass that packs every such list marks the segments warm, so later passes skip them. Each kind of packing
/// says where its lists are kept; one packer serves one pass (it keeps Lucene's enumerators between lists).
/// </summary>
internal abstract class LongListPacker
{
    /// <summary>The fields whose long lists are packed.</summary>
    protected abstract IReadOnlyList<string> Fields { get; }

    /// <summary>The packed lists' bytes the segment holds.</summary>
    protected abstract long BytesIn(AtomicReader segment);

    protected abstract bool IsWarm(AtomicReader segment, string field);

    protected abstract void MarkWarm(AtomicReader segment, string field);

    protected abstract bool IsPacked(AtomicReader segment, string field, string term);

    /// <summary>Packs the list <paramref name="terms"/> is positioned on.</summary>
    /// <returns>The bytes it added to the segment.</returns>
    protected abstract long Pack(AtomicReader segment, string field, string term, TermsEnum terms, int docFreq);

    /// <summary>
    /// Packs the long lists of <see cref="Fields"/> in the segments of <paramref name="reader"/> not warmed before, the
    /// longest first, while the segments hold less than <paramref name="maxBytes"/> of packed lists.
    /// </summary>
    /// <returns>The number of lists packed.</returns>
    public int PackLongLists(IndexReader reader, long maxBytes, CancellationToken cancellationToken)
    {
        var held = reader.Leaves.Sum(leaf => BytesIn(leaf.AtomicReader));
        if (held >= maxBytes)
        {
            return 0;
        }

        var lists = new List<(AtomicReader Segment, string Field, string Term, int DocFreq)>();
        foreach (var leaf in reader.Leaves)
        {
            foreach (var field in Fields)
            {
                if (IsWarm(leaf.AtomicReader, field))
                {
                    continue;
                }

                var terms = leaf.AtomicReader.GetTerms(field)?.GetEnumerator();
                while (terms is not null && terms.MoveNext())
                {
                    if (terms.DocFreq >= PackedPostings.MinDocFreq)
                    {
                        lists.Add((leaf.AtomicReader, field, terms.Term.Utf8ToString(), terms.DocFreq));
                    }
                }
            }
        }

        var packed = 0;
        var complete = true;
        foreach (var (segment, field, term, docFreq) in lists.OrderByDescending(l => l.DocFreq))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (held >= maxBytes)
            {
                complete = false;
                break;
            }

            if (IsPacked(segment, field, term))
            {
                continue;
            }

            var terms = SegmentTermsEnums.Borrow(segment, field);
            try
            {
                if (terms is not null && terms.SeekExact(new BytesRef(term)))
                {
                    held += Pack(segment, field, term, terms, docFreq);
                    packed++;
                }
            }
            finally
            {
                SegmentTermsEnums.Return(segment, field, terms);
            }
        }

        if (complete)
        {
            foreach (var leaf in reader.Leaves)
            {
                foreach (var field in Fields)
                {
                    MarkWarm(leaf.AtomicReader, field);
                }
            }
        }

        return packed;
    }
}
