using System.Collections.Frozen;
using NewsBot.Knowledge.Analysis;

namespace NewsBot.Knowledge.Answers.Questions;

/// <summary>How much each of a question's terms weighs, and which of them are names.</summary>
internal static class QuestionWeights
{
    /// <summary>A question term the collection capitalises in at least this share of the passages holding it is a name.</summary>
    public const double NameShare = 0.5;

    /// <summary>
    /// Weight of each distinct question term: its IDF over passages. A term the collection never uses is either a
    /// name (capitalised inside the question, holding a digit, or a joined model name such as "gpt5"), which weighs
    /// the most since its absence means the question is about something else, or an ordinary word ("actually",
    /// "held"), which weighs like an average known term of the question: missing it says little. A light verb or a
    /// particle of a phrasal verb (<see cref="LightVerbs"/>, <see cref="Particles"/>) weighs no more than the question's
    /// lightest other term.
    /// </summary>
    public static Dictionary<string, double> Of(QuestionTerms lookup, List<AnalyzedToken> tokens, string question, int passages)
    {
        var weights = new Dictionary<string, double>(StringComparer.Ordinal);
        var unseenWords = new List<string>();
        var light = new HashSet<string>(StringComparer.Ordinal);
        var firstWord = tokens.Count == 0 ? 0 : tokens.Min(t => t.StartOffset);
        foreach (var token in tokens)
        {
            if (weights.ContainsKey(token.Term) || unseenWords.Contains(token.Term))
            {
                continue;
            }

            if (IsLightWord(token, question) && !IsName(lookup, token, question, firstWord))
            {
                light.Add(token.Term);
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

        CapLightWords(weights, light, ordinaryWeight);
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

            if (IsName(lookup, token, question, firstWord))
            {
                names[token.Term] = weight;
            }
        }

        return names;
    }

    /// <summary>
    /// English light verbs (their stems: every form counts) and the particles of phrasal verbs (as written: "backed" is
    /// a verb of its own, stemmed "back" too). Chat asks "what sizes can i get llama 3 in", "how much had microsoft put
    /// into openai back in 2019", where news writes "comes in" and "invested". News prose rarely writes these words, so
    /// by their rarity alone they weighed the most of their question ("get" 4.1 where "llama" weighs 2.1), and a passage
    /// that answers but lacks them covered too little of it. They say how the question is phrased more than what it asks
    /// about. A grammatical class, not a list drawn from questions (docs/answer-engine.md, twelfth stop); irregular past
    /// forms are read as their verb before stemming (<see cref="Analysis.IrregularVerbFilter"/>), and forms of be, have
    /// and do are stop words.
    /// </summary>
    private static readonly FrozenSet<string> LightVerbs = new[] { "get", "come", "go", "goe", "put", "take", "make", "give", "keep", "let" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Particles = new[] { "back", "up", "out", "off", "over", "down", "away", "around" }.ToFrozenSet(StringComparer.Ordinal);

    private static bool IsLightWord(AnalyzedToken token, string question)
    {
        if (LightVerbs.Contains(token.Term))
        {
            return true;
        }

        var end = token.StartOffset + token.Term.Length;
        return Particles.Contains(token.Term)
            && end <= question.Length
            && question.AsSpan(token.StartOffset, token.Term.Length).Equals(token.Term, StringComparison.OrdinalIgnoreCase)
            && (end == question.Length || !char.IsLetterOrDigit(question[end]));
    }

    /// <summary>A light word still counts (a passage holding it covers a little more), but never more than the
    /// question's lightest other term, or an ordinary word's weight when the question has no other. A name is not
    /// light ("Google Keep", "Make" the automation tool): as the question or the collection writes it.</summary>
    private static void CapLightWords(Dictionary<string, double> weights, HashSet<string> light, double ordinaryWeight)
    {
        var others = weights.Where(w => !light.Contains(w.Key)).Select(w => w.Value).ToList();
        var cap = others.Count == 0 ? ordinaryWeight : others.Min();
        // Every light term has a weight: a known one, or an ordinary word's when the collection lacks it.
        foreach (var term in light)
        {
            weights[term] = Math.Min(weights[term], cap);
        }
    }

    /// <summary>A question term that is a name: it looks like one in the question, or the collection mostly writes it
    /// capitalised.</summary>
    private static bool IsName(QuestionTerms lookup, AnalyzedToken token, string question, int firstWord) =>
        LooksLikeName(token, question, firstWord) || lookup.NameShare(token.Term) >= NameShare;

    private static bool LooksLikeName(AnalyzedToken token, string question, int firstWord) =>
        token.SharesPosition
        || (token.Term.Any(char.IsAsciiDigit) && !IsYear(token.Term))
        || (token.StartOffset > firstWord && token.StartOffset < question.Length && char.IsUpper(question[token.StartOffset]));

    /// <summary>A version or another term holding a digit, but not a year.</summary>
    public static bool IsNameLike(string term) => term.Any(char.IsAsciiDigit) && !IsYear(term);

    private static bool IsYear(string term) => term.Length == 4 && term.All(char.IsAsciiDigit) && (term.StartsWith("19", StringComparison.Ordinal) || term.StartsWith("20", StringComparison.Ordinal));

}
