using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using NewsBot.Knowledge.Indexing;
using NewsBot.Knowledge.Semantic;
using F = NewsBot.Knowledge.Indexing.IndexFields;

namespace NewsBot.Knowledge.Answers.Search;

/// <summary>
/// Runs a <see cref="SearchPlan"/> over the index's postings term at a time: each term's posting list is read
/// once, straight into a score per passage (<see cref="TermAccumulator"/>), with BM25 exactly as Lucene's
/// <see cref="BM25Similarity"/> computes it; proximity pairs are scored from positions only in passages holding
/// both terms (<see cref="ProximityScoring"/>); the best passages come out of one heap. Lucene.Net 4.8 runs the same query document at a time
/// through a tree of scorers, with virtual calls and an advance per clause for every matching passage, and decodes
/// postings at about 22 ns each: at 50,000 articles that was most of an answer (docs/benchmarks.md). Scores and order
/// equal <c>searcher.Search(plan.ToQuery(), count)</c> (tested); any other similarity runs that Lucene query.
/// </summary>
internal static class PassageSearch
{
    private static readonly string[] SearchedFields = [F.Text, F.About];

    /// <summary>The best <paramref name="count"/> passages, best first (ties: the lower content key first, then the
    /// lower document id; <see cref="BestPassages"/>).</summary>
    public static PassageHits Top(IndexSearcher searcher, SearchPlan plan, QuestionTerms lookup, int count)
    {
        if (!RunsBm25(searcher, SearchedFields) || count <= 0)
        {
            return PassageHits.WithoutMasks(searcher.Search(plan.ToQuery(), Math.Max(count, 1)).ScoreDocs);
        }

        var statistics = new Bm25Statistics(searcher, (BM25Similarity)searcher.Similarity);
        var required = new List<TermClause>();
        var adding = new List<TermClause>();
        try
        {
            for (var i = 0; i < plan.Terms.Count; i++)
            {
                var term = plan.Terms[i];
                var bit = i < PassageHits.MaxMaskedTerms ? 1u << i : 0;
                var (text, about) = lookup.Get(term.Text);
                var target = plan.RareRequired && term.Common ? adding : required;
                foreach (var (field, context, boost) in new[] { (F.Text, text, 1f), (F.About, about, plan.AboutBoost) })
                {
                    if (context.DocFreq > 0)
                    {
                        target.Add(new TermClause(field, term.Text, context, statistics.Weight(field, boost * term.Count, context.DocFreq), statistics.LengthFactors(field), bit));
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
                    pairs.Add(new PairClause(pair, first, second, statistics.Weight(F.Text, plan.ProximityBoost, first.DocFreq, second.DocFreq), statistics.LengthFactors(F.Text)));
                }
            }

            var (docs, masks) = Run(searcher, required, adding, pairs, plan.ProximitySlop, count);
            return new PassageHits(docs, masks, plan.Terms.Take(PassageHits.MaxMaskedTerms).Select(t => t.Text).ToList());
        }
        finally
        {
            foreach (var clause in required.Concat(adding))
            {
                clause.Dispose();
            }
        }
    }

    /// <summary>
    /// The best <paramref name="count"/> documents holding any of <paramref name="terms"/> in <paramref name="field"/>,
    /// by BM25 summed over the terms: a flat Lucene <see cref="BooleanQuery"/> of term queries (as MoreLikeThis builds),
    /// run term at a time.
    /// </summary>
    public static ScoreDoc[] AnyTerm(IndexSearcher searcher, string field, IReadOnlyList<string> terms, int count)
    {
        if (!RunsBm25(searcher, [field]) || count <= 0)
        {
            var query = new BooleanQuery();
            foreach (var term in terms)
            {
                query.Add(new TermQuery(new Term(field, term)), Occur.SHOULD);
            }

            return searcher.Search(query, Math.Max(count, 1)).ScoreDocs;
        }

        var statistics = new Bm25Statistics(searcher, (BM25Similarity)searcher.Similarity);
        var clauses = new List<TermClause>();
        try
        {
            foreach (var term in terms)
            {
                var context = SegmentTermStates.Context(searcher.IndexReader.Context, field, term);
                if (context.DocFreq > 0)
                {
                    clauses.Add(new TermClause(field, term, context, statistics.Weight(field, 1, context.DocFreq), statistics.LengthFactors(field), 0));
                }
            }

            return Run(searcher, clauses, [], [], 0, count).Docs;
        }
        finally
        {
            foreach (var clause in clauses)
            {
                clause.Dispose();
            }
        }
    }

    /// <summary>Whether the searcher scores with plain BM25 and every segment holding the fields has their length
    /// norms (fields indexed with norms omitted score as if all documents had the average length, which only
    /// Lucene's own scorer handles); otherwise Lucene's own search runs.</summary>
    private static bool RunsBm25(IndexSearcher searcher, string[] fields) =>
        searcher.Similarity is BM25Similarity bm25 && bm25.GetType() == typeof(BM25Similarity)
        && searcher.IndexReader.Leaves.All(leaf =>
            fields.All(field => leaf.AtomicReader.GetTerms(field) is null || SegmentNorms.Of(leaf.AtomicReader, field) is not null));

    private static (ScoreDoc[] Docs, uint[] Masks) Run(IndexSearcher searcher, List<TermClause> required, List<TermClause> adding, List<PairClause> pairs, int slop, int count)
    {
        var scratch = SearchScratch.Current;
        // The content keys break ties only: their doc values are opened at the first tie, not for every search.
        PassageVectorKeys? keys = null;
        var best = new BestPassages(count, doc => (keys ??= new PassageVectorKeys(searcher.IndexReader)).Get(doc));
        foreach (var leaf in searcher.IndexReader.Leaves)
        {
            SearchSegment(leaf, required, adding, pairs, slop, scratch, best);
        }

        return best.Drain();
    }

    private static void SearchSegment(AtomicReaderContext leaf, List<TermClause> required, List<TermClause> adding, List<PairClause> pairs, int slop, SearchScratch scratch, BestPassages best)
    {
        var segment = leaf.AtomicReader;
        scratch.EnsureCapacity(segment.MaxDoc);
        using var postings = new SegmentPostings(segment);
        var touchedCount = 0;
        foreach (var clause in required)
        {
            if (postings.Postings(clause.Field, clause.Term, clause.Context.Get(leaf.Ord)) is { } list)
            {
                touchedCount = TermAccumulator.Add(list, clause, SegmentNorms.Of(segment, clause.Field)!, scratch, touchedCount);
            }
        }

        if (touchedCount == 0)
        {
            return;
        }

        if (adding.Count > 0 || pairs.Count > 0)
        {
            AddToMatched(leaf, postings, adding, pairs, slop, scratch, touchedCount);
        }

        Collect(leaf, scratch, touchedCount, best);
    }

    /// <summary>Adds the common terms and the pairs to the segment's matched passages, marked as bits for the time
    /// (most passages of a common term's list are not matched: <see cref="TermAccumulator.AddToMatched"/>).</summary>
    private static void AddToMatched(AtomicReaderContext leaf, SegmentPostings postings, List<TermClause> adding, List<PairClause> pairs, int slop, SearchScratch scratch, int touchedCount)
    {
        var segment = leaf.AtomicReader;
        scratch.MarkMatched(touchedCount);
        try
        {
            foreach (var clause in adding)
            {
                if (postings.Postings(clause.Field, clause.Term, clause.Context.Get(leaf.Ord)) is { } list)
                {
                    var byDocument = list.Packed is { } packed && TermAccumulator.ReadsByDocument(packed, touchedCount, segment.MaxDoc) ? PackedPostings.ByDocument(segment, packed) : null;
                    TermAccumulator.AddToMatched(list, byDocument, clause, SegmentNorms.Of(segment, clause.Field)!, scratch, touchedCount);
                }
            }

            foreach (var pair in pairs)
            {
                ProximityScoring.Add(leaf, postings, pair, slop, scratch);
            }
        }
        finally
        {
            scratch.UnmarkMatched(touchedCount);
        }
    }

    /// <summary>Offers the segment's live matched passages to the heap, resetting the scratch arrays behind it.</summary>
    private static void Collect(AtomicReaderContext leaf, SearchScratch scratch, int touchedCount, BestPassages best)
    {
        var (scores, masks, touched) = (scratch.Scores, scratch.Masks, scratch.Touched);
        var live = leaf.AtomicReader.LiveDocs;
        for (var i = 0; i < touchedCount; i++)
        {
            var doc = touched[i];
            if (best.Admits(scores[doc]) && (live is null || live.Get(doc)))
            {
                best.Offer(scores[doc], leaf.DocBase + doc, masks[doc] & ~SearchScratch.Matched);
            }

            scores[doc] = 0;
            masks[doc] = 0;
        }
    }
}
