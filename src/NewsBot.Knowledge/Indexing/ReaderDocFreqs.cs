using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace NewsBot.Knowledge.Indexing;

/// <summary>
/// How many documents of an index reader hold a term in a field, remembered per reader (a sync brings a new reader):
/// the statistic that article titles (their names' weights) and question words ask of terms that are never searched.
/// Unlike <see cref="SegmentTermStates"/>, which keeps every segment's place of a term for searching it, this keeps one
/// number per term: reading a title's dozen terms for the first time used to keep three dozen term states per term
/// (a seek and a kept state in each segment and field), most of the first answers' title cost, and filled the term
/// states' room. At most <see cref="MaxTerms"/> counts are kept per reader, beyond which counts are looked up each time.
/// </summary>
internal static class ReaderDocFreqs
{
    public const int MaxTerms = 200_000;

    private static readonly ConditionalWeakTable<IndexReader, Counts> Cache = new();

    /// <summary>The documents holding <paramref name="term"/> in <paramref name="field"/>, over all segments of
    /// <paramref name="reader"/> (deleted documents counted, as Lucene's document frequency does).</summary>
    public static int Of(IndexReader reader, string field, string term)
    {
        var counts = Cache.GetValue(reader, _ => new Counts());
        if (counts.Known.TryGetValue((field, term), out var known))
        {
            return known;
        }

        var docFreq = 0;
        var bytes = new BytesRef(term);
        foreach (var leaf in reader.Leaves)
        {
            var terms = SegmentTermsEnums.Borrow(leaf.AtomicReader, field);
            try
            {
                if (terms is not null && terms.SeekExact(bytes))
                {
                    docFreq += terms.DocFreq;
                }
            }
            finally
            {
                SegmentTermsEnums.Return(leaf.AtomicReader, field, terms);
            }
        }

        counts.TryAdd((field, term), docFreq);
        return docFreq;
    }

    /// <summary>One reader's counts. Counted apart: <see cref="ConcurrentDictionary{TKey,TValue}.Count"/> takes every
    /// lock of the dictionary.</summary>
    private sealed class Counts
    {
        private int _count;

        public ConcurrentDictionary<(string Field, string Term), int> Known { get; } = new();

        public void TryAdd((string Field, string Term) key, int docFreq)
        {
            if (Volatile.Read(ref _count) < MaxTerms && Known.TryAdd(key, docFreq))
            {
                Interlocked.Increment(ref _count);
            }
        }
    }
}
