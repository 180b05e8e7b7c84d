using Lucene.Net.Index;
using Lucene.Net.Util;
using F = NewsBot.Knowledge.Indexing.IndexFields;

namespace NewsBot.Knowledge.Semantic;

/// <summary>
/// The vectors of the passages one index reader holds, ready to scan: a snapshot published after each sync and
/// as background embedding progresses. It names passages by key and article id, never by Lucene doc id, so a
/// snapshot stays meaningful while the index moves on; what was deleted since is filtered by the caller.
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
        var scratch = new BytesRef();
        var total = 0;
        foreach (var leaf in reader.Leaves)
        {
            var atomic = leaf.AtomicReader;
            var keyValues = atomic.GetBinaryDocValues(F.VectorKey);
            var idValues = atomic.GetSortedDocValues(F.ArticleId);
            var keysPresent = atomic.GetDocsWithField(F.VectorKey);
            if (keyValues is null || idValues is null || keysPresent is null)
            {
                continue;
            }

            var live = atomic.LiveDocs;
            for (var doc = 0; doc < atomic.MaxDoc; doc++)
            {
                if ((live is not null && !live.Get(doc)) || !keysPresent.Get(doc))
                {
                    continue;
                }

                total++;
                keyValues.Get(doc, scratch);
                var key = VectorKeys.FromBytes(scratch);
                if (!store.TryGetRow(key, out var row))
                {
                    continue;
                }

                idValues.Get(doc, scratch);
                var id = scratch.Utf8ToString();
                if (!interned.TryGetValue(id, out var shared))
                {
                    interned[id] = shared = id;
                }

                rows.Add(row);
                keys.Add(key);
                articleIds.Add(shared);
                docs.Add(leaf.DocBase + doc);
            }
        }

        var version = reader is DirectoryReader directory ? directory.Version : -1;
        return new PassageVectors(store, [.. rows], [.. keys], [.. articleIds], [.. docs], version, total);
    }

    /// <summary>The <paramref name="count"/> passages nearest to the question vector: (snapshot position, cosine), best first.</summary>
    public List<(int Position, float Cosine)> Nearest(QuestionVector question, int count)
    {
        var best = new PriorityQueue<int, float>(count + 1);
        var floor = float.MinValue;
        for (var i = 0; i < _rows.Length; i++)
        {
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

    private static float PeekScore(PriorityQueue<int, float> queue)
    {
        queue.TryPeek(out _, out var score);
        return score;
    }
}
