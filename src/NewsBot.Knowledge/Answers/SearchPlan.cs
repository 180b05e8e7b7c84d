using Lucene.Net.Index;
using Lucene.Net.Search;
using F = NewsBot.Knowledge.Indexing.IndexFields;

namespace NewsBot.Knowledge.Answers;

/// <summary>A distinct question term, how often the question says it (each time counts again), and whether most
/// passages hold it.</summary>
internal sealed record PlannedTerm(string Text, int Count, bool Common);

/// <summary>Neighbouring question terms (<paramref name="Distance"/> positions apart in the question) that score more
/// when a passage's text holds them close together.</summary>
internal sealed record PlannedPair(string First, string Second, int Distance);

/// <summary>
/// What a question searches, as <see cref="QuestionQuery"/> planned it: each term in the passage text and in the
/// <c>about</c> field (weighted <see cref="AboutBoost"/>), BM25 summed over all matching clauses; when the question
/// has both common and rarer terms, only passages holding a rarer term match and the common ones add to their
/// score; and each proximity pair adds a sloppy phrase score. <see cref="ToQuery"/> is the same search as a Lucene
/// query; <see cref="Search.PassageSearch"/> runs it faster over the same postings.
/// </summary>
internal sealed record SearchPlan(IReadOnlyList<PlannedTerm> Terms, IReadOnlyList<PlannedPair> Pairs, float AboutBoost, float ProximityBoost, int ProximitySlop)
{
    /// <summary>Common terms only add to passages holding a rarer term (when the question has both kinds).</summary>
    public bool RareRequired => Terms.Any(t => t.Common) && Terms.Any(t => !t.Common);

    /// <summary>The plan as a Lucene query: a flat disjunction with BM25 and coord off scores exactly like it.</summary>
    public Query ToQuery()
    {
        var rare = new BooleanQuery(disableCoord: true);
        var query = new BooleanQuery(disableCoord: true);
        foreach (var term in Terms)
        {
            for (var i = 0; i < term.Count; i++)
            {
                var target = term.Common ? query : rare;
                target.Add(new TermQuery(new Term(F.Text, term.Text)), Occur.SHOULD);
                target.Add(new TermQuery(new Term(F.About, term.Text)) { Boost = AboutBoost }, Occur.SHOULD);
            }
        }

        if (rare.Clauses.Count > 0)
        {
            query.Add(rare, query.Clauses.Count > 0 ? Occur.MUST : Occur.SHOULD);
        }

        foreach (var pair in Pairs)
        {
            var phrase = new PhraseQuery { Slop = ProximitySlop, Boost = ProximityBoost };
            phrase.Add(new Term(F.Text, pair.First), 0);
            phrase.Add(new Term(F.Text, pair.Second), pair.Distance);
            query.Add(phrase, Occur.SHOULD);
        }

        return query;
    }

    public override string ToString() => ToQuery().ToString();
}
