using Lucene.Net.Codecs;
using Lucene.Net.Index;
using Lucene.Net.Util;
using NewsBot.Knowledge.Indexing;
using F = NewsBot.Knowledge.Indexing.IndexFields;

namespace NewsBot.Knowledge.Answers.Search;

/// <summary>A term's postings in one segment: packed in memory, or Lucene's own enumerator.</summary>
internal readonly record struct TermPostings(PackedList? Packed, DocsEnum? Docs);

/// <summary>
/// Posting lists of one segment for one question: long lists from <see cref="PackedPostings"/> without touching
/// the term dictionary; others positioned from the question's term lookups, one term enumerator per field, borrowed
/// (<see cref="SegmentTermsEnums"/>) and given back when the segment is searched.
/// </summary>
internal sealed class SegmentPostings(AtomicReader segment) : IDisposable
{
    private readonly Dictionary<string, TermsEnum?> _terms = new(StringComparer.Ordinal);
    private readonly DocsAndPositionsEnum?[] _positions = new DocsAndPositionsEnum?[2];
    private DocsEnum? _reuse;

    public TermPostings? Postings(string field, string term, TermState? state)
    {
        if (state is null)
        {
            return null;
        }

        var docFreq = state is BlockTermState block ? block.DocFreq : 0;
        if (docFreq >= PackedPostings.MinDocFreq)
        {
            if (PackedPostings.TryGet(segment, field, term, out var known))
            {
                if (known is not null)
                {
                    return new TermPostings(known, null);
                }
            }
            else if (PackedPostings.Add(segment, field, term, Seek(field, term, state)!.Docs(null, null, DocsFlags.FREQS), docFreq) is { } packed)
            {
                return new TermPostings(packed, null);
            }
        }

        _reuse = Seek(field, term, state)!.Docs(null, _reuse, DocsFlags.FREQS);
        return new TermPostings(null, _reuse);
    }

    /// <summary>The term's positions in the passage text packed in memory (packing them now if no pair needed them
    /// before), or null when the term's list is short and is read from Lucene.</summary>
    public PositionList? PackedPositions(string term, TermState? state)
    {
        var docFreq = state is BlockTermState block ? block.DocFreq : 0;
        if (docFreq < PackedPostings.MinDocFreq)
        {
            return null;
        }

        return Indexing.PackedPositions.TryGet(segment, term, out var known)
            ? known
            : Indexing.PackedPositions.Add(segment, term, Seek(F.Text, term, state)!.DocsAndPositions(null, null, DocsAndPositionsFlags.NONE), docFreq);
    }

    /// <summary>The term's positions in the passage text, in one of two reused enumerators (a pair's two terms).</summary>
    public DocsAndPositionsEnum? Positions(string term, TermState? state, int slot)
    {
        var positions = Seek(F.Text, term, state)?.DocsAndPositions(null, _positions[slot], DocsAndPositionsFlags.NONE);
        _positions[slot] = positions;
        return positions;
    }

    private TermsEnum? Seek(string field, string term, TermState? state)
    {
        if (state is null)
        {
            return null;
        }

        if (!_terms.TryGetValue(field, out var terms))
        {
            _terms[field] = terms = SegmentTermsEnums.Borrow(segment, field);
        }

        terms?.SeekExact(new BytesRef(term), state);
        return terms;
    }

    public void Dispose()
    {
        foreach (var (field, terms) in _terms)
        {
            SegmentTermsEnums.Return(segment, field, terms);
        }

        _terms.Clear();
    }
}
