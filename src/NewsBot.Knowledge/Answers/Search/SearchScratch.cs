using Lucene.Net.Index;

namespace NewsBot.Knowledge.Answers.Search;

/// <summary>
/// A thread's working arrays, sized to the largest segment searched and left cleared after each segment (only the
/// passages touched are reset), so a search allocates next to nothing.
/// </summary>
internal sealed class SearchScratch
{
    [ThreadStatic]
    private static SearchScratch? t_current;

    private readonly int[][] _positions = [new int[16], new int[16]];

    public static SearchScratch Current => t_current ??= new SearchScratch();

    public float[] Scores { get; private set; } = [];

    /// <summary>The bit of <see cref="Masks"/> set when a required term matched the passage: the top one, so that
    /// shifting it down gives 0 or 1 for scoring to multiply by.</summary>
    public const uint Matched = 1u << 31;

    /// <summary>Which question terms each passage holds, one bit per term (the first 31 terms), and <see cref="Matched"/>.</summary>
    public uint[] Masks { get; private set; } = [];

    /// <summary>The passages matched in the segment, in the order they were first matched.</summary>
    public int[] Touched { get; private set; } = [];

    /// <summary>The matched passages again, one bit each (<see cref="MarkMatched"/>): a few kilobytes that stay in the
    /// core's first-level cache, where <see cref="Masks"/> and <see cref="Scores"/> take a megabyte at 100,000 passages.</summary>
    public ulong[] MatchedBits { get; private set; } = [];

    public void EnsureCapacity(int documents)
    {
        if (Scores.Length < documents)
        {
            Scores = new float[documents];
            Masks = new uint[documents];
            Touched = new int[documents];
            MatchedBits = new ulong[(documents + 63) / 64];
        }
    }

    /// <summary>Sets the bit of each of the first <paramref name="touchedCount"/> touched passages in <see cref="MatchedBits"/>.</summary>
    public void MarkMatched(int touchedCount)
    {
        var (bits, touched) = (MatchedBits, Touched);
        for (var i = 0; i < touchedCount; i++)
        {
            var doc = touched[i];
            bits[doc >> 6] |= 1UL << doc;
        }
    }

    /// <summary>Whether the passage's bit is set in <see cref="MatchedBits"/>.</summary>
    public bool IsMarked(int doc) => IsMarked(MatchedBits, doc);

    /// <summary>Whether the passage's bit is set in <paramref name="bits"/> (<see cref="MatchedBits"/> held in a local by
    /// a hot loop).</summary>
    public static bool IsMarked(ulong[] bits, int doc) => (bits[doc >> 6] & (1UL << doc)) != 0;

    /// <summary>Clears what <see cref="MarkMatched"/> set, leaving <see cref="MatchedBits"/> all zero for the next segment.</summary>
    public void UnmarkMatched(int touchedCount)
    {
        var (bits, touched) = (MatchedBits, Touched);
        for (var i = 0; i < touchedCount; i++)
        {
            bits[touched[i] >> 6] = 0;
        }
    }

    /// <summary>The positions of the current document of <paramref name="postings"/>, in one of two buffers.</summary>
    public ReadOnlySpan<int> ReadPositions(DocsAndPositionsEnum postings, int slot)
    {
        var positions = PositionBuffer(slot, postings.Freq);
        for (var i = 0; i < positions.Length; i++)
        {
            positions[i] = postings.NextPosition();
        }

        return positions;
    }

    /// <summary>One of two buffers of <paramref name="length"/> positions.</summary>
    public Span<int> PositionBuffer(int slot, int length)
    {
        if (_positions[slot].Length < length)
        {
            _positions[slot] = new int[Math.Max(length, _positions[slot].Length * 2)];
        }

        return _positions[slot].AsSpan(0, length);
    }
}
