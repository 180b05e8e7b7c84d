using Lucene.Net.Search;

namespace NewsBot.Knowledge.Answers.Search;

/// <summary>The best passages seen so far, with their term masks: a binary heap whose root is the worst kept.
/// A lower score is worse. On a tie the passage whose content key (<paramref name="keys"/>) is greater is worse, and
/// between equal keys (documents without one, such as article records) the later document, as in Lucene's own
/// top-documents collector. Document numbers depend on the order the index happened to take its documents in (a sync
/// indexes on every core), content keys do not: with them, the same collection gives the same passages however it
/// was indexed.</summary>
/// <param name="keys">A passage's content key by document, read only for ties.</param>
internal sealed class BestPassages(int count, Func<int, UInt128> keys)
{
    /// <summary>The kept passages; a passage's key is read at its first tie and kept with it (Lucene.Net allocates
    /// a buffer for every doc-values read, and a tie is compared again at each step of a sift).</summary>
    private readonly Entry[] _heap = new Entry[count];
    private int _size;

    /// <summary>Whether a passage with this score could still enter (a cheap test before the liveness check).</summary>
    public bool Admits(float score) => _size < count || score >= _heap[0].Score;

    public void Offer(float score, int doc, uint mask)
    {
        if (_size < count)
        {
            _heap[_size] = new Entry(score, doc, mask);
            SiftUp(_size++);
            return;
        }

        var offered = new Entry(score, doc, mask);
        if (Worse(ref _heap[0], ref offered))
        {
            _heap[0] = offered;
            SiftDown(0);
        }
    }

    /// <summary>The kept passages, best first.</summary>
    public (ScoreDoc[] Docs, uint[] Masks) Drain()
    {
        var docs = new ScoreDoc[_size];
        var masks = new uint[_size];
        for (var i = docs.Length - 1; i >= 0; i--)
        {
            docs[i] = new ScoreDoc(_heap[0].Doc, _heap[0].Score);
            masks[i] = _heap[0].Mask;
            _heap[0] = _heap[--_size];
            SiftDown(0);
        }

        return (docs, masks);
    }

    private bool Worse(ref Entry entry, ref Entry other) =>
        entry.Score < other.Score || (entry.Score == other.Score && Later(ref entry, ref other));

    /// <summary>Which of two passages with the same score comes later: only ties read the keys.</summary>
    private bool Later(ref Entry entry, ref Entry other)
    {
        if (entry.Doc != other.Doc)
        {
            var (key, otherKey) = (Key(ref entry), Key(ref other));
            if (key != otherKey)
            {
                return key > otherKey;
            }
        }

        return entry.Doc > other.Doc;
    }

    private UInt128 Key(ref Entry entry)
    {
        if (!entry.Keyed)
        {
            (entry.Key, entry.Keyed) = (keys(entry.Doc), true);
        }

        return entry.Key;
    }

    private bool Worse(int at, int other) => Worse(ref _heap[at], ref _heap[other]);

    private void SiftUp(int at)
    {
        while (at > 0)
        {
            var parent = (at - 1) / 2;
            if (!Worse(at, parent))
            {
                return;
            }

            (_heap[at], _heap[parent]) = (_heap[parent], _heap[at]);
            at = parent;
        }
    }

    private void SiftDown(int at)
    {
        while (true)
        {
            var worst = at;
            var left = (2 * at) + 1;
            if (left < _size && Worse(left, worst))
            {
                worst = left;
            }

            if (left + 1 < _size && Worse(left + 1, worst))
            {
                worst = left + 1;
            }

            if (worst == at)
            {
                return;
            }

            (_heap[at], _heap[worst]) = (_heap[worst], _heap[at]);
            at = worst;
        }
    }

    private struct Entry(float score, int doc, uint mask)
    {
        public readonly float Score = score;
        public readonly int Doc = doc;
        public readonly uint Mask = mask;
        public UInt128 Key;
        public bool Keyed;
    }
}
