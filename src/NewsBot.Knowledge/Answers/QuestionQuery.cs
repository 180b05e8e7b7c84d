using NewsBot.Knowledge.Analysis;
using F = NewsBot.Knowledge.Indexing.IndexFields;

namespace NewsBot.Knowledge.Answers;

/// <summary>
/// Turns a question into a <see cref="SearchPlan"/>: the question's terms, read as Lucene's classic query parser reads
/// it lower-cased and escaped, so that no character or word acts as query syntax (<see cref="Terms"/>), are searched in
/// the passage text and in what the passage is about (title, heading and tags); pairs of neighbouring question
/// terms found close together in a passage add a proximity bonus.
/// </summary>
internal sealed partial class QuestionQuery
{
    /// <summary>Long messages are cut: the first words of a question say what it is about, and
    /// BooleanQuery allows at most 1,024 clauses.</summary>
    public const int MaxQuestionLength = 500;

    private const int MaxProximityPairs = 24;

    private readonly Lucene.Net.Analysis.Analyzer _analyzer;

    public QuestionQuery(Lucene.Net.Analysis.Analyzer analyzer, RankingSettings settings)
    {
        _analyzer = analyzer;
        Settings = settings;
    }

    public RankingSettings Settings { get; }

    public static string Clean(string question)
    {
        var trimmed = question.Trim();
        return trimmed.Length <= MaxQuestionLength ? trimmed : trimmed[..MaxQuestionLength];
    }

    /// <summary>Plans the search, or null when the question holds no searchable word.</summary>
    /// <param name="corrections">Terms to search instead of the question's own (typos, <see cref="Questions.TypoCorrection"/>).</param>
    /// <param name="dropped">Terms not to search (joined names that are not model versions, <see cref="Questions.ModelVersions"/>).</param>
    public SearchPlan? Build(string cleanedQuestion, IReadOnlyList<AnalyzedToken> tokens, QuestionTerms lookup, IReadOnlyDictionary<string, string>? corrections = null, IReadOnlySet<string>? dropped = null)
    {
        if (tokens.Count == 0)
        {
            return null;
        }

        var terms = Terms(cleanedQuestion);
        if (dropped is { Count: > 0 })
        {
            terms.RemoveAll(dropped.Contains);
        }

        if (corrections is { Count: > 0 })
        {
            terms = terms.Select(t => corrections.GetValueOrDefault(t, t)).ToList();
        }

        if (terms.Count == 0)
        {
            return null;
        }

        // With BM25 (coord and query norm are 1) a flat disjunction scores exactly like the nested per-term,
        // per-field query the multi-field parser builds. Terms most passages hold (over CommonTermShare of them)
        // only add to the score of passages that hold a rarer question term: they no longer walk tens of
        // thousands of postings on their own. A question of common terms only searches them all.
        var commonAbove = Math.Max(Settings.CommonTermShare * lookup.Reader.GetDocCount(F.Text), Settings.MinCommonPassages);
        var planned = terms
            .GroupBy(t => t, StringComparer.Ordinal)
            .Select(g => new PlannedTerm(g.Key, g.Count(), lookup.DocFreq(g.Key) > commonAbove))
            .ToList();
        var commonTerms = planned.Where(t => t.Common).Select(t => t.Text).ToHashSet(StringComparer.Ordinal);
        return new SearchPlan(planned, ProximityPairs(tokens, commonTerms).ToList(), Settings.AboutBoost, Settings.ProximityBoost, Settings.ProximitySlop);
    }

    /// <summary>
    /// The question's terms in order (a repeated word counts again), as Lucene's classic query parser reads the
    /// question lower-cased and escaped: split at the parser's white space, each piece analysed on its own and every
    /// term it yields kept (default operator OR, no phrases generated). The parser itself is not run: it finds the end
    /// of its input by catching an exception, two per question (<c>QuestionQueryTests</c> compares the two).
    /// </summary>
    internal List<string> Terms(string cleanedQuestion)
    {
        var terms = new List<string>();
        var text = JoinModelNames(cleanedQuestion.ToLowerInvariant());
        foreach (var piece in text.Split(ParserWhiteSpace, StringSplitOptions.RemoveEmptyEntries))
        {
            terms.AddRange(TextAnalysis.Tokens(_analyzer, F.Text, piece).Select(token => token.Term));
        }

        return terms;
    }

    /// <summary>What the classic query parser's grammar counts as white space between terms.</summary>
    private static readonly char[] ParserWhiteSpace = [' ', '\t', '\n', '\r', '\u3000'];

    /// <summary>
    /// The classic parser splits on white space before analysis, so "phi 2" would reach the analyzer as two
    /// separate words and never yield the joined name "phi2". Joining a word and a following version with a
    /// hyphen ("phi-2") hands them to the analyzer together, exactly as "Phi-2" is indexed; the analyzer's
    /// own rules still decide what a version is (years and stop words never join).
    /// </summary>
    internal static string JoinModelNames(string question) => WordThenVersion().Replace(question, "$1-$2");

    [System.Text.RegularExpressions.GeneratedRegex(@"\b(\p{L}+) (\d[\p{L}\d.]*)")]
    private static partial System.Text.RegularExpressions.Regex WordThenVersion();

    /// <summary>Neighbouring question terms, except pairs of two common terms: reading the positions of two long
    /// posting lists costs the most and tells least which passage answers.</summary>
    private static IEnumerable<PlannedPair> ProximityPairs(IReadOnlyList<AnalyzedToken> tokens, HashSet<string> commonTerms)
    {
        var words = tokens.Where(t => !t.SharesPosition).ToList();
        var count = 0;
        for (var i = 0; i + 1 < words.Count && count < MaxProximityPairs; i++)
        {
            var (first, second) = (words[i], words[i + 1]);
            if (second.Position - first.Position > 2 || first.Term == second.Term
                || (commonTerms.Contains(first.Term) && commonTerms.Contains(second.Term)))
            {
                continue;
            }

            count++;
            yield return new PlannedPair(first.Term, second.Term, second.Position - first.Position);
        }
    }
}
