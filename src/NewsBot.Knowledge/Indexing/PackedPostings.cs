using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace NewsBot.Knowledge.Indexing;

/// <summary>
/// Long posting lists kept decoded in memory, per segment: Lucene.Net 4.8 spends about 22 ns a posting decoding
/// its block format through a virtual call per document, which for a question of common words at 50,000 articles
/// is half a million postings and over 10 ms. A term's list is packed here the first time a question needs it in a
/// segment where at least <see cref="MinDocFreq"/> documents hold it — three bytes a posting (the gap from the
/// previous document and the frequency), read back in about two nanoseconds — and lives as long as the segment
/// (postings of a segment never change; deletions are checked when results are collected). Short lists are cheap
/// to decode and are not kept. <see cref="PostingsWarmup"/> packs a new segment's long lists in the background, so
/// that questions seldom pack one themselves.
/// </summary>
internal static class PackedPostings
{
    /// <summary>Lists shorter than this (in one segment) are read from Lucene each time: they cost little to decode,
    /// and a packed list's own overhead (about 150 bytes) would outweigh its postings.</summary>
    public const int MinDocFreq = 128;

    private static readonly ConditionalWeakTable<object, SegmentLists> Cache = new();

    private static long s_packedBytes;

    /// <summary>Bytes held by the lists packed so far (for the memory benchmark).</summary>
    public static long PackedBytes => Interlocked.Read(ref s_packedBytes);

    /// <summary>The term's list in the segment if it was packed before (null inside when it cannot be packed).</summary>
    public static bool TryGet(AtomicReader segment, string field, string term, out PackedList? packed) =>
        Lists(segment).Lists.TryGetValue((field, term), out packed);

    /// <summary>Packs the list <paramref name="docs"/> walks and keeps it for the segment's life.</summary>
    /// <returns>The packed list, or null when it holds a frequency over 255 (it is then read from Lucene).</returns>
    public static PackedList? Add(AtomicReader segment, string field, string term, DocsEnum docs, int docFreq)
    {
        var packed = PackedList.Pack(docs, docFreq);
        var lists = Lists(segment);
        if (lists.Lists.TryAdd((field, term), packed) && packed is not null)
        {
            Interlocked.Add(ref s_packedBytes, packed.Bytes);
            Interlocked.Add(ref lists.Bytes, packed.Bytes);
        }

        return packed;
    }

    /// <summary>Lists of one segment that may be read by document, at a byte a document each: at most 64 bytes a
    /// document (21 MB at 50,000 articles; the golden questions built 12.6 MB), living and dying with the segment.</summary>
    public const int MaxByDocumentLists = 64;

    private static long s_byDocumentBytes;

    /// <summary>Bytes held by the lists read by document so far (for the memory benchmark).</summary>
    public static long ByDocumentBytes => Interlocked.Read(ref s_byDocumentBytes);

    /// <summary>
    /// The frequency of each document of the segment in <paramref name="list"/> (0 for the documents without the
    /// term), built the first time it is asked for and kept with the list; null once the segment holds
    /// <see cref="MaxByDocumentLists"/> of them. A common term adds only to the passages a rarer term matched, which
    /// may be a few thousand among the list's hundred thousand: looked up by document, they cost a few thousand reads
    /// instead of a walk of the whole list.
    /// </summary>
    public static byte[]? ByDocument(AtomicReader segment, PackedList list)
    {
        if (list.BuiltByDocument is { } known)
        {
            return known;
        }

        var lists = Lists(segment);
        if (Interlocked.Increment(ref lists.ByDocumentLists) > MaxByDocumentLists)
        {
            Interlocked.Decrement(ref lists.ByDocumentLists);
            return null;
        }

        var (byDocument, built) = list.BuildByDocument(segment.MaxDoc);
        if (built)
        {
            Interlocked.Add(ref s_byDocumentBytes, byDocument.Length);
        }
        else
        {
            Interlocked.Decrement(ref lists.ByDocumentLists);
        }

        return byDocument;
    }

    /// <summary>Bytes held by the lists packed for <paramref name="segment"/>.</summary>
    public static long BytesIn(AtomicReader segment) => Interlocked.Read(ref Lists(segment).Bytes);

    /// <summary>Whether every long list of the field was packed for the segment (<see cref="MarkWarm"/>).</summary>
    public static bool IsWarm(AtomicReader segment, string field) => Lists(segment).WarmFields.ContainsKey(field);

    public static void MarkWarm(AtomicReader segment, string field) => Lists(segment).WarmFields.TryAdd(field, 0);

    private static SegmentLists Lists(AtomicReader segment) => Cache.GetValue(segment.CoreCacheKey, _ => new SegmentLists());

    private sealed class SegmentLists
    {
        public long Bytes;

        public int ByDocumentLists;

        public ConcurrentDictionary<(string Field, string Term), PackedList?> Lists { get; } = new();

        public ConcurrentDictionary<string, byte> WarmFields { get; } = new(StringComparer.Ordinal);
    }
}

/// <summary>
/// One posting list as two arrays: the gap from the previous document as a 16-bit number (0 marks a gap too large
/// for 16 bits, held in the next two entries) and the frequency as a byte.
/// </summary>
internal sealed class PackedList
{
    private PackedList(ushort[] gaps, byte[] frequencies)
    {
        Gaps = gaps;
        Frequencies = frequencies;
    }

    public ushort[] Gaps { get; }

    public byte[] Frequencies { get; }

    public long Bytes => (Gaps.Length * 2L) + Frequencies.Length;

    /// <summary>A list held by at least a this-th of its segment's documents may also be read by document
    /// (<see cref="PackedPostings.ByDocument"/>): a byte a document is then at most sixteen bytes a posting. At 50,000
    /// articles the golden questions' walks fell from 179 to 86 million postings (a share of 4 gave 118 million;
    /// docs/benchmarks.md).</summary>
    public const int DenseShare = 16;

    private byte[]? _byDocument;

    /// <summary>Whether the list is held by at least a <see cref="DenseShare"/>th of the segment's documents.</summary>
    public bool IsDense(int maxDoc) => (long)Frequencies.Length * DenseShare >= maxDoc;

    /// <summary>The list by document, if it was built before.</summary>
    internal byte[]? BuiltByDocument => Volatile.Read(ref _byDocument);

    /// <summary>Builds the frequency of each document of the segment (0 for the documents without the term).</summary>
    /// <returns>The array kept with the list, and whether this call built it.</returns>
    internal (byte[] ByDocument, bool Built) BuildByDocument(int maxDoc)
    {
        var byDocument = LongLivedArrays.Allocate<byte>(maxDoc);
        var doc = -1;
        for (int g = 0, p = 0; g < Gaps.Length; g++, p++)
        {
            int gap = Gaps[g];
            if (gap == 0)
            {
                gap = (Gaps[g + 1] << 16) | Gaps[g + 2];
                g += 2;
            }

            doc += gap;
            byDocument[doc] = Frequencies[p];
        }

        return Interlocked.CompareExchange(ref _byDocument, byDocument, null) is { } other ? (other, false) : (byDocument, true);
    }

    /// <returns>Null when a frequency does not fit a byte (the list is then read from Lucene).</returns>
    /// <remarks>Built in rented buffers; the two arrays kept go to the pinned object heap (<see cref="LongLivedArrays"/>).</remarks>
    public static PackedList? Pack(DocsEnum docs, int docFreq)
    {
        using var gaps = new RentedList<ushort>(docFreq + 8);
        using var frequencies = new RentedList<byte>(docFreq);
        var previous = -1;
        int doc;
        while ((doc = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
        {
            var frequency = docs.Freq;
            if (frequency > byte.MaxValue || frequencies.Count == docFreq)
            {
                return null;
            }

            var gap = doc - previous;
            previous = doc;
            if (gap <= ushort.MaxValue)
            {
                gaps.Add((ushort)gap);
            }
            else
            {
                gaps.Add(0);
                gaps.Add((ushort)(gap >> 16));
                gaps.Add((ushort)gap);
            }

            frequencies.Add((byte)frequency);
        }

        return new PackedList(LongLivedArrays.Copy(gaps.Span), LongLivedArrays.Copy(frequencies.Span));
    }
}
