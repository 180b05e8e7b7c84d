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
/// (<see cref="SegmentTermsEnums"/>) and given back when the segment is searched, read through the segment's kept
/// postings enumerators (<see cref="SegmentPostingsEnums"/>), also given back then.
/// </summary>
internal sealed class SegmentPostings(AtomicReader segment) : IDisposable
{
    /// <summary>The fields' borrowed enumerators: a question searches two fields, so a list beats a dictionary.</summary>
    private readonly List<(string Field, TermsEnum? Terms)> _terms = new(2);

    /// <summary>The term sought, reused: a seek copies it.</summary>
    private readonly BytesRef _term = new();
    private readonly SegmentPostingsEnums.Reused _reused = SegmentPostingsEnums.Borrow(segment);

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

        _reused.Docs = Seek(field, term, state)!.Docs(null, _reused.Docs, DocsFlags.FREQS);
        return new TermPostings(null, _reused.Docs);
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
        var positions = Seek(F.Text, term, state)?.DocsAndPositions(null, _reused.Positions[slot], DocsAndPositionsFlags.NONE);
        _reused.Positions[slot] = positions;
        return positions;
    }

    private TermsEnum? Seek(string field, string term, TermState? state)
    {
        if (state is null)
        {
            return null;
        }

        var terms = Borrowed(field);
        if (terms is not null)
        {
            _term.CopyChars(term);
            terms.SeekExact(_term, state);
        }

        return terms;
    }

    private TermsEnum? Borrowed(string field)
    {
        foreach (var (known, terms) in _terms)
        {
            if (string.Equals(known, field, StringComparison.Ordinal))
            {
                return terms;
            }
        }

        var borrowed = SegmentTermsEnums.Borrow(segment, field);
        _terms.Add((field, borrowed));
        return borrowed;
    }

    public void Dispose()
    {
        foreach (var (field, terms) in _terms)
        {
            SegmentTermsEnums.Return(segment, field, terms);
        }

        _terms.Clear();
        SegmentPostingsEnums.Return(segment, _reused);
    }
}
