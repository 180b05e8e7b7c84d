using Lucene.Net.Index;
using Lucene.Net.Search;
using NewsBot.Knowledge.Indexing;
using F = NewsBot.Knowledge.Indexing.IndexFields;

namespace NewsBot.Knowledge.Answers.Search;

/// <summary>
/// The proximity part of <see cref="PassageSearch"/>: each pair of neighbouring question terms adds a sloppy phrase
/// score to the matched passages of a segment that hold both terms close together.
/// </summary>
internal static class ProximityScoring
{
    /// <summary>
    /// Adds a pair's proximity score to the matched passages holding both terms close enough. Positions of terms in
    /// many passages come packed in memory (<see cref="PackedPositions"/>); a short list drives the search for its
    /// passages in the other; two short lists are walked together through Lucene.
    /// </summary>
    public static void Add(AtomicReaderContext leaf, SegmentPostings postings, PairClause pair, int slop, SearchScratch scratch)
    {
        var (firstState, secondState) = (pair.First.Get(leaf.Ord), pair.Second.Get(leaf.Ord));
        if (firstState is null || secondState is null)
        {
            return;
        }

        var norms = SegmentNorms.Of(leaf.AtomicReader, F.Text)!;
        var firstPacked = postings.PackedPositions(pair.Pair.First, firstState);
        var secondPacked = postings.PackedPositions(pair.Pair.Second, secondState);
        if (firstPacked is not null && secondPacked is not null)
        {
            ScorePackedPair(firstPacked, secondPacked, pair, slop, scratch, norms);
            return;
        }

        if (firstPacked is not null || secondPacked is not null)
        {
            var packedIsFirst = firstPacked is not null;
            var shortList = packedIsFirst ? postings.Positions(pair.Pair.Second, secondState, 1) : postings.Positions(pair.Pair.First, firstState, 0);
            ScoreMixedPair((firstPacked ?? secondPacked)!, packedIsFirst, shortList!, pair, slop, scratch, norms);
            return;
        }

        var first = postings.Positions(pair.Pair.First, firstState, 0);
        var second = postings.Positions(pair.Pair.Second, secondState, 1);
        if (first is null || second is null)
        {
            return;
        }

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

            if (scratch.IsMarked(doc))
            {
                AddFound(pair, slop, scratch, doc, norms[doc], scratch.ReadPositions(first, 0), scratch.ReadPositions(second, 1));
            }

            doc = first.NextDoc();
        }
    }

    /// <summary>A short Lucene list leads; the packed list of the other term is searched for each of its passages.</summary>
    private static void ScoreMixedPair(PositionList packed, bool packedIsFirst, DocsAndPositionsEnum shortList, PairClause pair, int slop, SearchScratch scratch, byte[] norms)
    {
        var at = 0;
        int doc;
        while ((doc = shortList.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
        {
            at = packed.Seek(at, doc);
            if (at == packed.Docs.Length)
            {
                return;
            }

            if (packed.Docs[at] == doc && scratch.IsMarked(doc))
            {
                var (packedSlot, shortSlot) = packedIsFirst ? (0, 1) : (1, 0);
                var packedPositions = packed.Read(at, scratch.PositionBuffer(packedSlot, packed.MaxPositions(at)));
                var shortPositions = scratch.ReadPositions(shortList, shortSlot);
                if (packedIsFirst)
                {
                    AddFound(pair, slop, scratch, doc, norms[doc], packedPositions, shortPositions);
                }
                else
                {
                    AddFound(pair, slop, scratch, doc, norms[doc], shortPositions, packedPositions);
                }
            }
        }
    }

    /// <summary>The same for two terms whose positions are packed in memory: the shorter list leads, the longer one
    /// is searched for each of its passages.</summary>
    private static void ScorePackedPair(PositionList first, PositionList second, PairClause pair, int slop, SearchScratch scratch, byte[] norms)
    {
        var (lead, other) = first.Docs.Length <= second.Docs.Length ? (first, second) : (second, first);
        var at = 0;
        for (var i = 0; i < lead.Docs.Length; i++)
        {
            var doc = lead.Docs[i];
            at = other.Seek(at, doc);
            if (at == other.Docs.Length)
            {
                return;
            }

            if (other.Docs[at] == doc && scratch.IsMarked(doc))
            {
                var (firstPosting, secondPosting) = ReferenceEquals(lead, first) ? (i, at) : (at, i);
                var firstPositions = first.Read(firstPosting, scratch.PositionBuffer(0, first.MaxPositions(firstPosting)));
                var secondPositions = second.Read(secondPosting, scratch.PositionBuffer(1, second.MaxPositions(secondPosting)));
                AddFound(pair, slop, scratch, doc, norms[doc], firstPositions, secondPositions);
            }
        }
    }

    /// <summary>Adds the pair's score to a passage holding both terms at these positions (nothing when too far apart).</summary>
    private static void AddFound(PairClause pair, int slop, SearchScratch scratch, int doc, byte norm, ReadOnlySpan<int> first, ReadOnlySpan<int> second)
    {
        var frequency = PairProximity.Frequency(first, second, pair.Pair.Distance, slop);
        if (frequency > 0)
        {
            scratch.Scores[doc] += pair.Score(frequency, norm);
        }
    }
}
