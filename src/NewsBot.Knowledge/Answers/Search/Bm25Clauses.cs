using System.Buffers;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;

namespace NewsBot.Knowledge.Answers.Search;

/// <summary>BM25's collection-wide parts, computed exactly as Lucene's <see cref="BM25Similarity"/> does (idf over
/// the index's maximum document count, average length over it too, lengths decoded from the one-byte norms).</summary>
internal sealed class Bm25Statistics(IndexSearcher searcher, BM25Similarity bm25)
{
    private static readonly float[] NormLengths = Enumerable.Range(0, 256)
        .Select(i => SmallSingle.SByte315ToSingle((sbyte)i))
        .Select(f => 1.0f / (f * f))
        .ToArray();

    private readonly Dictionary<string, (long MaxDoc, float[] Lengths)> _fields = new(StringComparer.Ordinal);

    /// <summary>boost × idf × (k1 + 1); a phrase's idf is the sum of its terms'.</summary>
    public float Weight(string field, float boost, int docFreq, int otherDocFreq = -1)
    {
        var maxDoc = Field(field).MaxDoc;
        var idf = Idf(docFreq, maxDoc);
        if (otherDocFreq >= 0)
        {
            idf += Idf(otherDocFreq, maxDoc);
        }

        return idf * boost * (bm25.K1 + 1);
    }

    /// <summary>k1 × (1 − b + b × length / average length) for each of the 256 encoded lengths.</summary>
    public float[] LengthFactors(string field) => Field(field).Lengths;

    private static float Idf(long docFreq, long maxDoc) => (float)Math.Log(1 + ((maxDoc - docFreq + 0.5D) / (docFreq + 0.5D)));

    private (long MaxDoc, float[] Lengths) Field(string field)
    {
        if (!_fields.TryGetValue(field, out var stats))
        {
            var collection = searcher.CollectionStatistics(field);
            var average = collection.SumTotalTermFreq <= 0 ? 1f : (float)(collection.SumTotalTermFreq / (double)collection.MaxDoc);
            var (k1, b) = (bm25.K1, bm25.B);
            var lengths = NormLengths.Select(length => k1 * ((1 - b) + (b * length / average))).ToArray();
            _fields[field] = stats = (collection.MaxDoc, lengths);
        }

        return stats;
    }
}

/// <summary>
/// One term in one field, scored as BM25 does: weight × f / (f + length factor). <see cref="Table"/> holds the
/// score of each small frequency at each encoded length, so nearly every posting is scored by one array read.
/// </summary>
internal sealed class TermClause : IDisposable
{
    /// <summary>Frequencies below this are read from <see cref="Table"/>; higher ones are computed.</summary>
    public const int TabledFrequencies = 8;

    public TermClause(string field, string term, TermContext context, float weight, float[] lengthFactors, uint bit)
    {
        Field = field;
        Term = term;
        Context = context;
        Weight = weight;
        LengthFactors = lengthFactors;
        Bit = bit;
        Table = ArrayPool<float>.Shared.Rent(TabledFrequencies * 256);
        for (var i = 0; i < TabledFrequencies * 256; i++)
        {
            float frequency = i >> 8;
            Table[i] = weight * frequency / (frequency + lengthFactors[i & 0xFF]);
        }
    }

    public string Field { get; }

    public string Term { get; }

    public TermContext Context { get; }

    public float Weight { get; }

    public float[] LengthFactors { get; }

    /// <summary>The term's bit in a passage's term mask (0 when the question has too many terms to mask them all).</summary>
    public uint Bit { get; }

    /// <summary>Score by frequency (high bits) and encoded length (low 8 bits).</summary>
    public float[] Table { get; }

    public void Dispose() => ArrayPool<float>.Shared.Return(Table);
}

/// <summary>Two neighbouring question terms close together in a passage's text: a sloppy phrase's BM25 score.</summary>
internal sealed record PairClause(PlannedPair Pair, TermContext First, TermContext Second, float Weight, float[] LengthFactors)
{
    public float Score(float frequency, byte norm) => Weight * frequency / (frequency + LengthFactors[norm]);
}
