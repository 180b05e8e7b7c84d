using System.Buffers;
using Lucene.Net.Index;
using NewsBot.Knowledge.Indexing;

namespace NewsBot.Knowledge.Semantic;

/// <summary>
/// The vectors of the passages one index reader holds, ready to scan: a snapshot published after each sync and
/// as background embedding progresses. It names passages by key and article id, so a snapshot stays meaningful
/// while the index moves on (what was deleted since is filtered by the caller); their Lucene documents hold only
/// for the reader it was taken from (<see cref="DocIn"/>).
/// </summary>
internal sealed class PassageVectors
{
    private readonly VectorStore _store;
    private readonly int[] _rows;

    private PassageVectors(VectorStore store, int[] rows, UInt128[] keys, string[] articleIds, int[] docs, long readerVersion, int total)
    {
        _store = store;
        _rows = rows;
        Keys = keys;
        ArticleIds = articleIds;
        Docs = docs;
        ReaderVersion = readerVersion;
        Total = total;
    }

    public static PassageVectors Empty(VectorStore store) => new(store, [], [], [], [], -1, 0);

    /// <summary>Each passage's document in the reader the snapshot was taken from: valid while that reader is served.</summary>
    public int[] Docs { get; }

    /// <summary>Version of the reader the snapshot was taken from (-1 when unknown).</summary>
    public long ReaderVersion { get; }

    /// <summary>The document of the passage at <paramref name="position"/> in <paramref name="reader"/>, when the snapshot was taken from it; else -1.</summary>
    public int DocIn(IndexReader reader, int position) =>
        ReaderVersion >= 0 && reader is DirectoryReader directory && directory.Version == ReaderVersion ? Docs[position] : -1;

    /// <summary>Passages in the reader.</summary>
    public int Total { get; }

    /// <summary>Passages whose vector is ready (the rest rank by BM25 alone until theirs is).</summary>
    public int Ready => _rows.Length;

    public UInt128[] Keys { get; }

    public string[] ArticleIds { get; }

    public static PassageVectors Build(IndexReader reader, VectorStore store)
    {
        var rows = new List<int>();
        var keys = new List<UInt128>();
        var articleIds = new List<string>();
        var docs = new List<int>();
        var interned = new Dictionary<string, string>(StringComparer.Ordinal);
        var passageArticles = new PassageArticleIds(reader);
        var total = 0;
        foreach (var (doc, key) in PassageVectorKeys.Live(reader))
        {
            total++;
            if (!store.TryGetRow(key, out var row) || passageArticles.Get(doc) is not { } id)
            {
                continue;
            }

            if (!interned.TryGetValue(id, out var shared))
            {
                interned[id] = shared = id;
            }

            rows.Add(row);
            keys.Add(key);
            articleIds.Add(shared);
            docs.Add(doc);
        }

        var version = reader is DirectoryReader directory ? directory.Version : -1;
        return new PassageVectors(store, [.. rows], [.. keys], [.. articleIds], [.. docs], version, total);
    }

    /// <summary>Up to this many vectors are all compared exactly; beyond it a 1-bit first pass picks the ones to compare.</summary>
    public const int ExactScanLimit = 50_000;

    /// <summary>Vectors the 1-bit first pass keeps per passage asked for.</summary>
    public const int ShortlistFactor = 20;

    /// <summary>The <paramref name="count"/> passages nearest to the question vector: (snapshot position, cosine), best first.</summary>
    /// <param name="shortlist">Force (true) or forbid (false) the 1-bit first pass; by default it runs above <see cref="ExactScanLimit"/> vectors.</param>
    public List<(int Position, float Cosine)> Nearest(QuestionVector question, int count, bool? shortlist = null)
    {
        var candidates = shortlist ?? _rows.Length > ExactScanLimit
            ? Shortlist(question, count * ShortlistFactor)
            : null;
        var best = new PriorityQueue<int, float>(count + 1);
        var floor = float.MinValue;
        var total = candidates?.Count ?? _rows.Length;
        for (var k = 0; k < total; k++)
        {
            var i = candidates is null ? k : candidates[k];
            var row = _rows[i];
            var cosine = question.Cosine(_store, row);
            if (best.Count < count)
            {
                best.Enqueue(i, cosine);
                floor = best.Count == count ? PeekScore(best) : float.MinValue;
            }
            else if (cosine > floor)
            {
                best.EnqueueDequeue(i, cosine);
                floor = PeekScore(best);
            }
        }

        var nearest = new List<(int, float)>(best.Count);
        while (best.TryDequeue(out var position, out var cosine))
        {
            nearest.Add((position, cosine));
        }

        nearest.Reverse();
        return nearest;
    }

    /// <summary>
    /// The positions of about <paramref name="size"/> vectors whose signs agree most with the question's: one pass
    /// over 48 bytes per vector instead of 384, then a histogram of the distances gives the cut-off.
    /// </summary>
    private List<int> Shortlist(QuestionVector question, int size)
    {
        // Rented: a fresh array per question would land on the large object heap and cost gen-2 collections.
        var distances = ArrayPool<ushort>.Shared.Rent(_rows.Length);
        try
        {
            Span<int> histogram = stackalloc int[(_store.SignWords * 64) + 1];
            histogram.Clear();
            for (var i = 0; i < _rows.Length; i++)
            {
                var distance = QuantizedVector.SignDistance(_store.Signs(_rows[i]), question.Signs);
                distances[i] = (ushort)distance;
                histogram[distance]++;
            }

            var cutoff = 0;
            for (var seen = 0; cutoff < histogram.Length; cutoff++)
            {
                seen += histogram[cutoff];
                if (seen >= size)
                {
                    break;
                }
            }

            var shortlist = new List<int>(size + 64);
            for (var i = 0; i < _rows.Length; i++)
            {
                if (distances[i] <= cutoff)
                {
                    shortlist.Add(i);
                }
            }

            return shortlist;
        }
        finally
        {
            ArrayPool<ushort>.Shared.Return(distances);
        }
    }

    private static float PeekScore(PriorityQueue<int, float> queue)
    {
        queue.TryPeek(out _, out var score);
        return score;
    }
}
