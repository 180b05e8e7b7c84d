using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace NewsBot.Knowledge.Indexing;

/// <summary>
/// Where a term stands in each passage text of a segment, kept in memory for the terms of proximity pairs: reading
/// positions through Lucene.Net's enumerators cost about 1 ms an answer for questions whose pairs join two
/// mid-frequency terms (thousands of passages). Packed the first time a pair needs the term in a segment where at
/// least <see cref="PackedPostings.MinDocFreq"/> passages hold it (<see cref="PositionList"/>), or ahead of questions
/// for the longest lists (<see cref="PositionsWarmup"/>), and kept for the segment's life like
/// <see cref="PackedPostings"/>.
/// </summary>
internal static class PackedPositions
{
    private static readonly ConditionalWeakTable<object, SegmentLists> Cache = new();

    private static long s_packedBytes;

    /// <summary>Bytes held by the position lists packed so far (for the memory benchmark).</summary>
    public static long PackedBytes => Interlocked.Read(ref s_packedBytes);

    public static bool TryGet(AtomicReader segment, string term, out PositionList? positions) =>
        Lists(segment).Lists.TryGetValue(term, out positions);

    /// <summary>Packs the positions <paramref name="postings"/> walks (the term's passage-text postings).</summary>
    public static PositionList Add(AtomicReader segment, string term, DocsAndPositionsEnum postings, int docFreq)
    {
        var packed = PositionList.Pack(postings, docFreq);
        var lists = Lists(segment);
        if (lists.Lists.TryAdd(term, packed))
        {
            Interlocked.Add(ref s_packedBytes, packed.Bytes);
            Interlocked.Add(ref lists.Bytes, packed.Bytes);
        }

        return packed;
    }

    /// <summary>Bytes held by the position lists packed for <paramref name="segment"/>.</summary>
    public static long BytesIn(AtomicReader segment) => Interlocked.Read(ref Lists(segment).Bytes);

    /// <summary>Whether the warm-up went through every long list of the segment (<see cref="MarkWarm"/>).</summary>
    public static bool IsWarm(AtomicReader segment) => Volatile.Read(ref Lists(segment).Warm);

    public static void MarkWarm(AtomicReader segment) => Volatile.Write(ref Lists(segment).Warm, true);

    private static SegmentLists Lists(AtomicReader segment) => Cache.GetValue(segment.CoreCacheKey, _ => new SegmentLists());

    private sealed class SegmentLists
    {
        public long Bytes;

        public bool Warm;

        public ConcurrentDictionary<string, PositionList> Lists { get; } = new(StringComparer.Ordinal);
    }
}

/// <summary>
/// One term's passages and positions in a segment: the documents (ascending), where each posting's positions start in
/// <see cref="Positions"/> (one more entry than postings, so a posting ends where the next starts), and the positions,
/// per posting the first as is and the rest as gaps, each a variable-length number (about a byte): 8 bytes a passage
/// and about one a position.
/// </summary>
internal sealed class PositionList
{
    private PositionList(int[] docs, int[] starts, byte[] positions)
    {
        Docs = docs;
        Starts = starts;
        Positions = positions;
    }

    public int[] Docs { get; }

    public int[] Starts { get; }

    public byte[] Positions { get; }

    public long Bytes => (Docs.Length * 8L) + Positions.Length;

    /// <remarks>Built in rented buffers; the three arrays kept go to the pinned object heap (<see cref="LongLivedArrays"/>).</remarks>
    public static PositionList Pack(DocsAndPositionsEnum postings, int docFreq)
    {
        using var docs = new RentedList<int>(docFreq);
        using var starts = new RentedList<int>(docFreq + 1);
        using var positions = new RentedList<byte>(docFreq * 2);
        int doc;
        while ((doc = postings.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
        {
            var frequency = postings.Freq;
            docs.Add(doc);
            starts.Add(positions.Count);
            var previous = 0;
            for (var i = 0; i < frequency; i++)
            {
                var position = postings.NextPosition();
                Write(positions, (uint)(position - previous));
                previous = position;
            }
        }

        starts.Add(positions.Count);
        return new PositionList(LongLivedArrays.Copy(docs.Span), LongLivedArrays.Copy(starts.Span), LongLivedArrays.Copy(positions.Span));
    }

    /// <summary>The first posting at or after <paramref name="from"/> whose document is at least
    /// <paramref name="target"/> (galloping, then halving), or the list's length.</summary>
    public int Seek(int from, int target)
    {
        var docs = Docs;
        if (from >= docs.Length || docs[from] >= target)
        {
            return from;
        }

        var step = 1;
        var low = from;
        var high = from + 1;
        while (high < docs.Length && docs[high] < target)
        {
            low = high;
            step *= 2;
            high = from + step;
        }

        high = Math.Min(high, docs.Length);
        while (low + 1 < high)
        {
            var middle = (low + high) >>> 1;
            if (docs[middle] < target)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return high;
    }

    /// <summary>At most how many positions posting <paramref name="posting"/> holds (one byte each at least).</summary>
    public int MaxPositions(int posting) => Starts[posting + 1] - Starts[posting];

    /// <summary>The positions of posting <paramref name="posting"/>, read into <paramref name="buffer"/> (at least
    /// <see cref="MaxPositions"/> long).</summary>
    public Span<int> Read(int posting, Span<int> buffer)
    {
        var bytes = Positions;
        var (at, end) = (Starts[posting], Starts[posting + 1]);
        var position = 0;
        var count = 0;
        while (at < end)
        {
            uint value = 0;
            var shift = 0;
            byte next;
            do
            {
                next = bytes[at++];
                value |= (uint)(next & 0x7F) << shift;
                shift += 7;
            }
            while (next >= 0x80);
            position += (int)value;
            buffer[count++] = position;
        }

        return buffer[..count];
    }

    private static void Write(RentedList<byte> bytes, uint value)
    {
        while (value >= 0x80)
        {
            bytes.Add((byte)(value | 0x80));
            value >>= 7;
        }

        bytes.Add((byte)value);
    }
}
