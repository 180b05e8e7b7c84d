using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace NewsBot.Knowledge.Indexing;

/// <summary>A term's place in one segment's term dictionary, and how many of its documents hold it.</summary>
internal sealed record SegmentTerm(TermState State, int DocFreq, long TotalTermFreq);

/// <summary>
/// Where question terms sit in each segment's term dictionary, remembered per segment: a Lucene.Net seek costs
/// about 6 µs and allocates a term enumerator of a few kilobytes, and a question seeks each of its terms in two
/// fields of every segment (over 150 seeks, 0.8 MB, at 50,000 articles). Segments never change, so an entry (or the
/// fact that the segment lacks the term) stays true for the segment's life; at most <see cref="MaxTermsPerSegment"/>
/// terms are kept per segment, beyond which lookups seek each time. Seeks reuse a kept enumerator
/// (<see cref="SegmentTermsEnums"/>): a fresh one per seek cost five times the seek.
/// </summary>
internal static class SegmentTermStates
{
    public const int MaxTermsPerSegment = 20_000;

    private static readonly ConditionalWeakTable<object, Terms> Cache = new();

    /// <summary>Looks the term up in every segment of <paramref name="top"/>, as Lucene's <see cref="TermContext.Build"/> does.</summary>
    public static TermContext Context(IndexReaderContext top, string field, string term)
    {
        var context = new TermContext(top);
        BytesRef? bytes = null;
        foreach (var leaf in top.Leaves)
        {
            if (Get(leaf.AtomicReader, field, term, ref bytes) is { } found)
            {
                context.Register(found.State, leaf.Ord, found.DocFreq, found.TotalTermFreq);
            }
        }

        return context;
    }

    private static SegmentTerm? Get(AtomicReader segment, string field, string term, ref BytesRef? bytes)
    {
        var terms = Cache.GetValue(segment.CoreCacheKey, _ => new Terms());
        if (terms.Known.TryGetValue((field, term), out var found))
        {
            return found;
        }

        found = Seek(segment, field, bytes ??= new BytesRef(term));
        terms.TryAdd((field, term), found);
        return found;
    }

    /// <summary>One segment's remembered terms. Counted apart: <see cref="ConcurrentDictionary{TKey,TValue}.Count"/>
    /// takes every lock of the dictionary.</summary>
    private sealed class Terms
    {
        private int _count;

        public ConcurrentDictionary<(string Field, string Term), SegmentTerm?> Known { get; } = new();

        public void TryAdd((string Field, string Term) key, SegmentTerm? found)
        {
            if (Volatile.Read(ref _count) < MaxTermsPerSegment && Known.TryAdd(key, found))
            {
                Interlocked.Increment(ref _count);
            }
        }
    }

    private static SegmentTerm? Seek(AtomicReader segment, string field, BytesRef term)
    {
        var terms = SegmentTermsEnums.Borrow(segment, field);
        try
        {
            return terms is not null && terms.SeekExact(term) ? new SegmentTerm(terms.GetTermState(), terms.DocFreq, terms.TotalTermFreq) : null;
        }
        finally
        {
            SegmentTermsEnums.Return(segment, field, terms);
        }
    }
}
