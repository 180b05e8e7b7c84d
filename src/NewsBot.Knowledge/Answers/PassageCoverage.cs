using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using NewsBot.Knowledge.Answers.Search;
using NewsBot.Knowledge.Indexing;
using F = NewsBot.Knowledge.Indexing.IndexFields;

namespace NewsBot.Knowledge.Answers;

/// <summary>
/// Which question terms each candidate passage holds — in its text, or its heading or its article's title or tags
/// (every passage carries them in one field). The search already knows it for its hits (their term masks); other
/// passages (found by their vector) and other terms are read from the index's postings rather than by re-analysing
/// stored text: a few skips per term instead of loading and tokenising every passage.
/// </summary>
internal static class PassageCoverage
{
    private static readonly string[] Fields = [F.Text, F.About];

    /// <returns>For each document id, the set of question terms it holds.</returns>
    public static Dictionary<int, HashSet<string>> Terms(QuestionTerms lookup, IReadOnlyCollection<string> terms, IEnumerable<int> docIds, PassageHits? hits = null)
    {
        var covered = docIds.Distinct().ToDictionary(d => d, _ => new HashSet<string>(StringComparer.Ordinal));
        var masks = new Dictionary<int, uint>();
        if (hits?.TermMasks is { } termMasks)
        {
            for (var i = 0; i < hits.Docs.Length; i++)
            {
                masks[hits.Docs[i].Doc] = termMasks[i];
            }
        }

        var masked = hits?.MaskedTerms.Intersect(terms, StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var (doc, held) in covered)
        {
            if (masks.TryGetValue(doc, out var mask))
            {
                for (var bit = 0; bit < hits!.MaskedTerms.Count; bit++)
                {
                    if ((mask & (1u << bit)) != 0 && masked.Contains(hits.MaskedTerms[bit]))
                    {
                        held.Add(hits.MaskedTerms[bit]);
                    }
                }
            }
        }

        var unmasked = terms.Where(t => !masked.Contains(t)).ToList();
        FromPostings(lookup, unmasked, covered.Keys.Where(masks.ContainsKey), covered);
        FromPostings(lookup, terms, covered.Keys.Where(d => !masks.ContainsKey(d)), covered);
        return covered;
    }

    private static void FromPostings(QuestionTerms lookup, IReadOnlyCollection<string> terms, IEnumerable<int> docIds, Dictionary<int, HashSet<string>> covered)
    {
        if (terms.Count == 0)
        {
            return;
        }

        var leaves = lookup.Reader.Leaves;
        foreach (var group in docIds.Order().GroupBy(d => ReaderUtil.SubIndex(d, leaves)))
        {
            var leaf = leaves[group.Key];
            var docs = group.ToArray();

            var termsEnums = new Dictionary<string, TermsEnum?>(StringComparer.Ordinal);
            try
            {
                foreach (var term in terms)
                {
                    foreach (var field in Fields)
                    {
                        // Positioned from the question's lookup: no new seek in the term dictionary.
                        var state = lookup.Get(term, field).Get(leaf.Ord);
                        if (state is null)
                        {
                            continue;
                        }

                        if (!termsEnums.TryGetValue(field, out var termsEnum))
                        {
                            termsEnums[field] = termsEnum = SegmentTermsEnums.Borrow(leaf.AtomicReader, field);
                        }

                        if (termsEnum is null)
                        {
                            continue;
                        }

                        termsEnum.SeekExact(new BytesRef(term), state);
                        var postings = termsEnum.Docs(leaf.AtomicReader.LiveDocs, null, DocsFlags.NONE);

                        foreach (var doc in docs)
                        {
                            var local = doc - leaf.DocBase;
                            var at = postings.DocID >= local ? postings.DocID : postings.Advance(local);
                            if (at == DocIdSetIterator.NO_MORE_DOCS)
                            {
                                break;
                            }

                            if (at == local)
                            {
                                covered[doc].Add(term);
                            }
                        }
                    }
                }
            }
            finally
            {
                foreach (var (field, termsEnum) in termsEnums)
                {
                    SegmentTermsEnums.Return(leaf.AtomicReader, field, termsEnum);
                }
            }
        }
    }
}
