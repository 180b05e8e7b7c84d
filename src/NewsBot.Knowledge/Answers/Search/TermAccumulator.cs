using Lucene.Net.Search;
using NewsBot.Knowledge.Indexing;

namespace NewsBot.Knowledge.Answers.Search;

/// <summary>
/// The hot loops of <see cref="PassageSearch"/>: a term's BM25 score added to each passage of its posting list,
/// with the term's bit set in the passage's mask. Packed lists (the long ones) are decoded inline. A required term's
/// bookkeeping is branch-free, since whether a passage was matched before is a coin toss for the CPU's branch
/// predictor; a common term's walk branches on the matched passages' bits, which few of its passages have.
/// The two methods repeat the decoding loop on purpose: one generic loop taking the per-posting step as a struct
/// type argument measured 15–25 % slower at the 99th percentile (ask-profile, 50,000 articles).
/// </summary>
internal static class TermAccumulator
{
    /// <summary>A lookup by document costs a few times a posting walked in order (a cache miss against a prefetched
    /// stream): matched passages are looked up only when fewer than this share of the list.</summary>
    public const int ByDocumentShare = 4;

    /// <summary>Scores every passage of the list; each becomes matched.</summary>
    /// <returns>How many passages of the segment are matched now.</returns>
    public static int Add(TermPostings postings, TermClause clause, byte[] norms, SearchScratch scratch, int touchedCount)
    {
        var (scores, masks, touched) = (scratch.Scores, scratch.Masks, scratch.Touched);
        var (table, weight, lengths) = (clause.Table, clause.Weight, clause.LengthFactors);
        var bits = clause.Bit | SearchScratch.Matched;
        if (postings.Packed is { } packed)
        {
            var (gaps, frequencies) = (packed.Gaps, packed.Frequencies);
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
                var before = masks[doc];
                touched[touchedCount] = doc;
                touchedCount += (int)(~before >> 31);
                masks[doc] = before | bits;
                scores[doc] += frequency < TermClause.TabledFrequencies ? table[(frequency << 8) | norm] : weight * frequency / (frequency + lengths[norm]);
            }

            return touchedCount;
        }

        var docs = postings.Docs!;
        int next;
        while ((next = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
        {
            var frequency = docs.Freq;
            var norm = norms[next];
            var before = masks[next];
            touched[touchedCount] = next;
            touchedCount += (int)(~before >> 31);
            masks[next] = before | bits;
            scores[next] += frequency < TermClause.TabledFrequencies ? table[(frequency << 8) | norm] : weight * frequency / (frequency + lengths[norm]);
        }

        return touchedCount;
    }

    /// <summary>Whether the matched passages are better looked up in the list by document than found by walking it.</summary>
    public static bool ReadsByDocument(PackedList list, int touchedCount, int maxDoc) =>
        list.IsDense(maxDoc) && (long)touchedCount * ByDocumentShare < list.Frequencies.Length;

    /// <summary>Scores only the passages of the list that a rarer term already matched (<see cref="SearchScratch.MarkMatched"/>
    /// must have marked them). A list held by a large share of the segment is read by document for the matched passages
    /// when they are fewer than a <see cref="ByDocumentShare"/>th of its postings (multiplying by 0 or 1 rather than
    /// branching), instead of walked whole.</summary>
    /// <param name="byDocument">The list by document (<see cref="PackedPostings.ByDocument"/>) when it is to be read
    /// so (<see cref="ReadsByDocument"/>).</param>
    public static void AddToMatched(TermPostings postings, byte[]? byDocument, TermClause clause, byte[] norms, SearchScratch scratch, int touchedCount)
    {
        var (scores, masks) = (scratch.Scores, scratch.Masks);
        var (table, weight, lengths, bit) = (clause.Table, clause.Weight, clause.LengthFactors, clause.Bit);
        if (byDocument is not null)
        {
            var touched = scratch.Touched;
            for (var i = 0; i < touchedCount; i++)
            {
                var doc = touched[i];
                int frequency = byDocument[doc];
                var holds = (uint)-frequency >> 31;
                masks[doc] |= bit * holds;

                // Row 0 of the table is 0: a passage without the term adds nothing.
                scores[doc] += frequency < TermClause.TabledFrequencies ? table[(frequency << 8) | norms[doc]] : weight * frequency / (frequency + lengths[norms[doc]]);
            }

            return;
        }

        if (postings.Packed is { } packed)
        {
            // Most of a list's passages are not matched: each is told apart by one bit in the first-level cache, and
            // only the matched ones read and write their score, mask and length.
            var (gaps, frequencies, matched) = (packed.Gaps, packed.Frequencies, scratch.MatchedBits);
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
                if (SearchScratch.IsMarked(matched, doc))
                {
                    var frequency = frequencies[p];
                    var norm = norms[doc];
                    masks[doc] |= bit;
                    scores[doc] += frequency < TermClause.TabledFrequencies ? table[(frequency << 8) | norm] : weight * frequency / (frequency + lengths[norm]);
                }
            }

            return;
        }

        var docs = postings.Docs!;
        int next;
        while ((next = docs.NextDoc()) != DocIdSetIterator.NO_MORE_DOCS)
        {
            if ((masks[next] & SearchScratch.Matched) != 0)
            {
                var frequency = docs.Freq;
                var norm = norms[next];
                masks[next] |= bit;
                scores[next] += frequency < TermClause.TabledFrequencies ? table[(frequency << 8) | norm] : weight * frequency / (frequency + lengths[norm]);
            }
        }
    }
}
