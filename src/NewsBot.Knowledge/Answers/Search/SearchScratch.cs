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

    public void EnsureCapacity(int documents)
    {
        if (Scores.Length < documents)
        {
            Scores = new float[documents];
            Masks = new uint[documents];
            Touched = new int[documents];
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
