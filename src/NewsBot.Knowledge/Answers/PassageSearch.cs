using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Util;
using NewsBot.Knowledge.Indexing;
using F = NewsBot.Knowledge.Indexing.IndexFields;

namespace NewsBot.Knowledge.Answers;

/// <summary>
/// Runs a <see cref="SearchPlan"/> over the index's postings term at a time: each term's posting list is read
/// once, straight into a score per passage, with BM25 exactly as Lucene's <see cref="BM25Similarity"/> computes
/// it; proximity pairs are scored from positions only in passages holding both terms; the best passages come out
/// of one heap. Lucene.Net 4.8 runs the same query document at a time through a tree of scorers, with virtual
/// calls and an advance per clause for every matching passage: at 50,000 articles that was most of an answer
/// (docs/benchmarks.md). Scores and order equal <c>searcher.Search(plan.ToQuery(), count)</c> (tested); any other
/// similarity runs that Lucene query.
/// </summary>
internal static class PassageSearch
{
    private static readonly float[] NormLengths = Enumerable.Range(0, 256)
        .Select(i => SmallSingle.SByte315ToSingle((sbyte)i))
        .Select(f => 1.0f / (f * f))
        .ToArray();

    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>The best <paramref name="count"/> passages, best first (ties: lower document id first).</summary>
    public static ScoreDoc[] Top(IndexSearcher searcher, SearchPlan plan, QuestionTerms lookup, int count)
    {
        if (searcher.Similarity is not BM25Similarity bm25 || bm25.GetType() != typeof(BM25Similarity) || count <= 0 || !HasNorms(searcher.IndexReader))
        {
            return searcher.Search(plan.ToQuery(), Math.Max(count, 1)).ScoreDocs;
        }

        var scoring = new Scoring(searcher, bm25);
        var required = new List<TermClause>();
        var adding = new List<TermClause>();
        foreach (var term in plan.Terms)
        {
            var (text, about) = lookup.Get(term.Text);
            var target = plan.RareRequired && term.Common ? adding : required;
            foreach (var (field, context, boost) in new[] { (F.Text, text, 1f), (F.About, about, plan.AboutBoost) })
            {
                if (context.DocFreq > 0)
                {
                    target.Add(new TermClause(field, term.Text, context, scoring.Weight(field, boost * term.Count, context.DocFreq), scoring.LengthCache(field)));
                }
            }
        }

        var pairs = new List<PairClause>();
        foreach (var pair in plan.Pairs)
        {
            var first = lookup.Get(pair.First).Text;
            var second = lookup.Get(pair.Second).Text;
            if (first.DocFreq > 0 && second.DocFreq > 0)
            {
                pairs.Add(new PairClause(pair, first, second, scoring.Weight(F.Text, plan.ProximityBoost, first.DocFreq, second.DocFreq), scoring.LengthCache(F.Text)));
            }
        }

        var scratch = t_scratch ??= new Scratch();
        var best = new BestPassages(count);
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            SearchSegment(leaf, required, adding, pairs, plan.ProximitySlop, scratch, best);
        }

        return best.Drain();
    }

    /// <summary>Whether every segment holding the searched fields has their length norms (fields indexed with norms
    /// omitted score as if all passages had the average length, which only Lucene's own scorer handles).</summary>
    private static bool HasNorms(IndexReader reader) => reader.Leaves.All(leaf =>
        new[] { F.Text, F.About }.All(field => leaf.AtomicReader.GetTerms(field) is null || SegmentNorms.Of(leaf.AtomicReader, field) is not null));

    private static void SearchSegment(AtomicReaderContext leaf, List<TermClause> required, List<TermClause> adding, List<PairClause> pairs, int slop, Scratch scratch, BestPassages best)
    {
        var segment = leaf.AtomicReader;
        scratch.EnsureCapacity(segment.MaxDoc);
        var scores = scratch.Scores;
        var matched = scratch.Matched;
        var touched = scratch.Touched;
        var touchedCount = 0;
        var enums = new SegmentEnums(segment);

        foreach (var clause in required)
        {
            if (enums.Postings(clause.Field, clause.Term, clause.Context.Get(leaf.Ord)) is { } postings)
            {
                touchedCount = Accumulate(postings, clause, SegmentNorms.Of(segment, clause.Field)!, scratch, touchedCount, adds: false);
            }
        }

        foreach (var clause in adding)
        {
            if (touchedCount > 0 && enums.Postings(clause.Field, clause.Term, clause.Context.Get(leaf.Ord)) is { } postings)
            {
                Accumulate(postings, clause, SegmentNorms.Of(segment, clause.Field)!, scratch, touchedCount, adds: true);
            }
        }

        foreach (var pair in pairs)
        {
            if (touchedCount > 0)
            {
                ScorePair(leaf, enums, pair, slop, scratch);
            }
        }

        var live = segment.LiveDocs;
        for (var i = 0; i < touchedCount; i++)
        {
            var doc = touched[i];
            if (best.Admits(scores[doc]) && (live is null || live.Get(doc)))
            {
                best.Offer(scores[doc], leaf.DocBase + doc);
            }

            scores[doc] = 0;
            matched[doc] = 0;
        }
    }

    /// <summary>
    /// Adds a term's BM25 score to every passage of its posting list: to all of them (which then match), or, when
    /// <paramref name="adds"/>, only to passages a rarer term already matched.
    /// </summary>
    /// <returns>How many passages match now.</returns>
    private static int Accumulate(SegmentPostings postings, TermClause clause, byte[] norms, Scratch scratch, int touchedCount, bool adds)
    {
        var scores = scratch.Scores;
        var matched = scratch.Matched;
        var touched = scratch.Touched;
        var byFrequency = clause.ByFrequencyAndNorm;
        var weight = clause.Weight;
        var lengths = clause.LengthCache;
        if (postings.Packed is { } packed)
        {
            // The hot loop: packed lists are the long ones.
            var gaps = packed.Gaps;
            var frequencies = packed.Frequencies;
            var doc = -1;
            for (int g = 0, p = 0; g < gaps.Length; g++, p++)
            {
                int gap = gaps[g];
                if (gap == 0)
                {
                    gap = (gaps[g + 1] << 16) | gaps[g + 2];
                    g += 2;
                }

                doc += gap;
                var frequency = frequencies[p];
                var norm = norms[doc];
                var score = frequency < TermClause.TabledFrequencies ? byFrequency[(frequency << 8) | norm] : weight * frequency / (frequency + lengths[norm]);
                if (adds)
                {
                    // Branch-free: whether a rarer term matched the passage is a coin toss for the CPU.
                    scores[doc] += score * matched[doc];
                }
                else
                {
                    var before = matched[doc];
                    touched[touchedCount] = doc;
                    touchedCount += before ^ 1;
                    matched[doc] = 1;
                    scores[doc] += score;
                }
            }

            return touchedCount;
        }

        var docs = postings.Docs!;
        int next;
        while ((next = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
        {
            if (matched[next] == 0)
            {
                if (adds)
                {
                    continue;
                }

                matched[next] = 1;
                touched[touchedCount++] = next;
            }

            var frequency = docs.Freq;
            var norm = norms[next];
            scores[next] += frequency < TermClause.TabledFrequencies ? byFrequency[(frequency << 8) | norm] : weight * frequency / (frequency + lengths[norm]);
        }

        return touchedCount;
    }

    /// <summary>Adds a pair's proximity score to the matched passages holding both terms close enough.</summary>
    private static void ScorePair(AtomicReaderContext leaf, SegmentEnums enums, PairClause pair, int slop, Scratch scratch)
    {
        var first = enums.Positions(pair.Pair.First, pair.First.Get(leaf.Ord));
        var second = enums.Positions(pair.Pair.Second, pair.Second.Get(leaf.Ord));
        if (first is null || second is null)
        {
            return;
        }

        var norms = SegmentNorms.Of(leaf.AtomicReader, F.Text)!;
        var doc = first.NextDoc();
        while (doc != DocIdSetIterator.NO_MORE_DOCS)
        {
            var other = second.DocID >= doc ? second.DocID : second.Advance(doc);
            if (other == DocIdSetIterator.NO_MORE_DOCS)
            {
                return;
            }

            if (other > doc)
            {
                doc = first.Advance(other);
                continue;
            }

            if (scratch.Matched[doc] != 0)
            {
                var frequency = PairProximity.Frequency(scratch.ReadPositions(first, 0), scratch.ReadPositions(second, 1), pair.Pair.Distance, slop);
                if (frequency > 0)
                {
                    scratch.Scores[doc] += pair.Score(frequency, norms[doc]);
                }
            }

            doc = first.NextDoc();
        }
    }

    /// <summary>BM25's collection-wide parts, as <see cref="BM25Similarity"/> computes them.</summary>
    private sealed class Scoring(IndexSearcher searcher, BM25Similarity bm25)
    {
        private readonly Dictionary<string, (long MaxDoc, float[] Cache)> _fields = new(StringComparer.Ordinal);

        /// <summary>boost × idf × (k1 + 1); a phrase's idf is the sum of its terms'.</summary>
        public float Weight(string field, float boost, params int[] docFreqs)
        {
            var maxDoc = Field(field).MaxDoc;
            var idf = 0f;
            foreach (var docFreq in docFreqs)
            {
                idf += (float)Math.Log(1 + ((maxDoc - docFreq + 0.5D) / (docFreq + 0.5D)));
            }

            return idf * boost * (bm25.K1 + 1);
        }

        /// <summary>k1 × (1 − b + b × length / average length) for each of the 256 encoded lengths.</summary>
        public float[] LengthCache(string field) => Field(field).Cache;

        private (long MaxDoc, float[] Cache) Field(string field)
        {
            if (!_fields.TryGetValue(field, out var stats))
            {
                var collection = searcher.CollectionStatistics(field);
                var average = collection.SumTotalTermFreq <= 0 ? 1f : (float)(collection.SumTotalTermFreq / (double)collection.MaxDoc);
                var (k1, b) = (bm25.K1, bm25.B);
                var cache = NormLengths.Select(length => k1 * ((1 - b) + (b * length / average))).ToArray();
                _fields[field] = stats = (collection.MaxDoc, cache);
            }

            return stats;
        }
    }

    /// <summary>A term's postings in one segment: packed in memory, or Lucene's own enumerator.</summary>
    private readonly record struct SegmentPostings(PackedList? Packed, DocsEnum? Docs);

    private sealed record TermClause(string Field, string Term, TermContext Context, float Weight, float[] LengthCache)
    {
        /// <summary>Frequencies below this are scored from <see cref="ByFrequencyAndNorm"/>.</summary>
        public const int TabledFrequencies = 8;

        /// <summary>The score of each small frequency (high bits) at each encoded length (low 8 bits): nearly every
        /// posting is one of these, so scoring is a table read.</summary>
        public float[] ByFrequencyAndNorm { get; } = Table(Weight, LengthCache);

        private static float[] Table(float weight, float[] lengths)
        {
            var table = new float[TabledFrequencies * 256];
            for (var i = 0; i < table.Length; i++)
            {
                float frequency = i >> 8;
                table[i] = weight * frequency / (frequency + lengths[i & 0xFF]);
            }

            return table;
        }
    }

    private sealed record PairClause(PlannedPair Pair, TermContext First, TermContext Second, float Weight, float[] LengthCache)
    {
        public float Score(float frequency, byte norm) => Weight * frequency / (frequency + LengthCache[norm]);
    }

    /// <summary>Posting lists of one segment, positioned from the question's term lookups without a new seek.</summary>
    private sealed class SegmentEnums(AtomicReader segment)
    {
        private readonly Dictionary<string, TermsEnum?> _terms = new(StringComparer.Ordinal);
        private DocsEnum? _reuse;

        /// <summary>The term's postings: packed in memory when the list is long, else read from Lucene.</summary>
        public SegmentPostings? Postings(string field, string term, TermState? state)
        {
            if (Seek(field, term, state) is not { } terms)
            {
                return null;
            }

            if (PackedPostings.Get(segment, field, term, terms) is { } packed)
            {
                return new SegmentPostings(packed, null);
            }

            _reuse = terms.Docs(null, _reuse, DocsFlags.FREQS);
            return new SegmentPostings(null, _reuse);
        }

        public DocsAndPositionsEnum? Positions(string term, TermState? state) =>
            Seek(F.Text, term, state)?.DocsAndPositions(null, null, DocsAndPositionsFlags.NONE);

        private TermsEnum? Seek(string field, string term, TermState? state)
        {
            if (state is null)
            {
                return null;
            }

            if (!_terms.TryGetValue(field, out var terms))
            {
                _terms[field] = terms = segment.GetTerms(field)?.GetEnumerator();
            }

            terms?.SeekExact(new BytesRef(term), state);
            return terms;
        }
    }

    /// <summary>Per-thread arrays sized to the largest segment searched, left cleared after each segment.</summary>
    private sealed class Scratch
    {
        private readonly int[][] _positions = [new int[16], new int[16]];

        public float[] Scores { get; private set; } = [];

        /// <summary>1 for a passage a required term matched, else 0 (a number, so scoring can multiply by it).</summary>
        public byte[] Matched { get; private set; } = [];

        public int[] Touched { get; private set; } = [];

        public void EnsureCapacity(int documents)
        {
            if (Scores.Length < documents)
            {
                Scores = new float[documents];
                Matched = new byte[documents];
                Touched = new int[documents];
            }
        }

        public ReadOnlySpan<int> ReadPositions(DocsAndPositionsEnum postings, int slot)
        {
            var frequency = postings.Freq;
            if (_positions[slot].Length < frequency)
            {
                _positions[slot] = new int[Math.Max(frequency, _positions[slot].Length * 2)];
            }

            var positions = _positions[slot];
            for (var i = 0; i < frequency; i++)
            {
                positions[i] = postings.NextPosition();
            }

            return positions.AsSpan(0, frequency);
        }
    }

    /// <summary>The best passages seen so far: a binary heap whose root is the worst kept.</summary>
    private sealed class BestPassages(int count)
    {
        private readonly (float Score, int Doc)[] _heap = new (float, int)[count];
        private int _size;

        /// <summary>Whether a passage with this score could still enter (a cheap test before the liveness check).</summary>
        public bool Admits(float score) => _size < count || score >= _heap[0].Score;

        public void Offer(float score, int doc)
        {
            if (_size < count)
            {
                _heap[_size] = (score, doc);
                SiftUp(_size++);
            }
            else if (Worse(_heap[0], (score, doc)))
            {
                _heap[0] = (score, doc);
                SiftDown(0);
            }
        }

        /// <summary>The kept passages, best first.</summary>
        public ScoreDoc[] Drain()
        {
            var result = new ScoreDoc[_size];
            for (var i = result.Length - 1; i >= 0; i--)
            {
                result[i] = new ScoreDoc(_heap[0].Doc, _heap[0].Score);
                _heap[0] = _heap[--_size];
                SiftDown(0);
            }

            return result;
        }

        /// <summary>A lower score, or on a tie the later document, is worse.</summary>
        private static bool Worse((float Score, int Doc) x, (float Score, int Doc) y) =>
            x.Score < y.Score || (x.Score == y.Score && x.Doc > y.Doc);

        private void SiftUp(int at)
        {
            while (at > 0)
            {
                var parent = (at - 1) / 2;
                if (!Worse(_heap[at], _heap[parent]))
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
                foreach (var child in (ReadOnlySpan<int>)[(2 * at) + 1, (2 * at) + 2])
                {
                    if (child < _size && Worse(_heap[child], _heap[worst]))
                    {
                        worst = child;
                    }
                }

                if (worst == at)
                {
                    return;
                }

                (_heap[at], _heap[worst]) = (_heap[worst], _heap[at]);
                at = worst;
            }
        }
    }
}
