using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;
using F = NewsBot.Knowledge.Indexing.IndexFields;

namespace NewsBot.Knowledge.Answers;

/// <summary>
/// Which question terms each candidate passage holds — in its text, or its heading or its article's title or tags
/// (every passage carries them in one field) — read from the index's postings rather than by re-analysing stored text:
/// a few skips per term instead of loading and tokenising every hit.
/// </summary>
internal static class PassageCoverage
{
    private static readonly string[] Fields = [F.Text, F.About];

    /// <returns>For each document id, the set of question terms it holds.</returns>
    public static Dictionary<int, HashSet<string>> Terms(QuestionTerms lookup, IReadOnlyCollection<string> terms, IEnumerable<int> docIds)
    {
        var covered = new Dictionary<int, HashSet<string>>();
        var leaves = lookup.Reader.Leaves;
        foreach (var group in docIds.Distinct().OrderBy(d => d).GroupBy(d => ReaderUtil.SubIndex(d, leaves)))
        {
            var leaf = leaves[group.Key];
            var docs = group.ToArray();
            foreach (var doc in docs)
            {
                covered[doc] = new HashSet<string>(StringComparer.Ordinal);
            }

            var termsEnums = new Dictionary<string, TermsEnum?>(StringComparer.Ordinal);
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
                        termsEnums[field] = termsEnum = leaf.AtomicReader.GetTerms(field)?.GetEnumerator();
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

        return covered;
    }
}
