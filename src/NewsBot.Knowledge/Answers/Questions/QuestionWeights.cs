using NewsBot.Knowledge.Analysis;

namespace NewsBot.Knowledge.Answers.Questions;

/// <summary>How much each of a question's terms weighs, which of them are names, and how much of an article's title
/// names what the question does not.</summary>
internal static class QuestionWeights
{
    /// <summary>A question term the collection capitalises in at least this share of the passages holding it is a name.</summary>
    public const double NameShare = 0.5;

    /// <summary>
    /// Weight of each distinct question term: its IDF over passages. A term the collection never uses is either a
    /// name (capitalised inside the question, holding a digit, or a joined model name such as "gpt5"), which weighs
    /// the most since its absence means the question is about something else, or an ordinary word ("actually",
    /// "held"), which weighs like an average known term of the question: missing it says little.
    /// </summary>
    public static Dictionary<string, double> Of(QuestionTerms lookup, List<AnalyzedToken> tokens, string question, int passages)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        var unseenWords = new List<string>();
        var firstWord = tokens.Count == 0 ? 0 : tokens.Min(t => t.StartOffset);
        foreach (var token in tokens)
        {
            if (weights.ContainsKey(token.Term) || unseenWords.Contains(token.Term))
            {
                continue;
            }

            var df = lookup.DocFreq(token.Term);
            if (df == 0 && !LooksLikeName(token, question, firstWord))
            {
                unseenWords.Add(token.Term);
                continue;
            }

            var n = Math.Max(passages, df);
            weights[token.Term] = Math.Log(1 + ((n - df + 0.5) / (df + 0.5)));
        }

        var ordinaryWeight = weights.Count == 0 ? Math.Log(1 + ((passages + 0.5) / 0.5)) : weights.Values.Average();
        foreach (var word in unseenWords)
        {
            weights[word] = ordinaryWeight;
        }

        return weights;
    }

    /// <summary>
    /// The question's names with their weights: terms the collection writes capitalised in most passages that hold
    /// them ("llama", "bard", "garante"), and terms that look like names in the question itself (a version, a joined
    /// model name, a capitalised word) even when the collection lacks them ("gpt5", "Seoul").
    /// </summary>
    public static Dictionary<string, double> Names(QuestionTerms lookup, List<AnalyzedToken> tokens, string question, IReadOnlyDictionary<string, double> weights)
    {
        var names = new Dictionary<string, double>(StringComparer.Ordinal);
        var firstWord = tokens.Count == 0 ? 0 : tokens.Min(t => t.StartOffset);
        foreach (var token in tokens)
        {
            if (names.ContainsKey(token.Term) || !weights.TryGetValue(token.Term, out var weight))
            {
                continue;
            }

            if (LooksLikeName(token, question, firstWord) || lookup.NameShare(token.Term) >= NameShare)
            {
                names[token.Term] = weight;
            }
        }

        return names;
    }

    private static bool LooksLikeName(AnalyzedToken token, string question, int firstWord) =>
        token.SharesPosition
        || (token.Term.Any(char.IsAsciiDigit) && !IsYear(token.Term))
        || (token.StartOffset > firstWord && token.StartOffset < question.Length && char.IsUpper(question[token.StartOffset]));

    private static bool IsYear(string term) => term.Length == 4 && term.All(char.IsAsciiDigit) && (term.StartsWith("19", StringComparison.Ordinal) || term.StartsWith("20", StringComparison.Ordinal));

    /// <summary>Weighted share of the names in the article's title and tags that the question does not hold.</summary>
    public static double ExtraNames(QuestionTerms lookup, IReadOnlySet<string> titleTerms, IReadOnlySet<string> questionTerms, int passages)
    {
        double all = 0, extra = 0;
        foreach (var term in titleTerms)
        {
            if (!((term.Any(char.IsAsciiDigit) && !IsYear(term)) || lookup.NameShare(term) >= NameShare))
            {
                continue;
            }

            var df = lookup.DocFreq(term);
            var weight = Math.Log(1 + ((Math.Max(passages, df) - df + 0.5) / (df + 0.5)));
            all += weight;
            extra += questionTerms.Contains(term) ? 0 : weight;
        }

        return Share(extra, all);
    }

    private static double Share(double part, double total) => total <= 0 ? 0 : Math.Clamp(part / total, 0, 1);
}
