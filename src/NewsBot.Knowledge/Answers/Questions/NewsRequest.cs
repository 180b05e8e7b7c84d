using System.Text.RegularExpressions;
using NewsBot.Knowledge.Analysis;

namespace NewsBot.Knowledge.Answers.Questions;

/// <summary>
/// A question that asks what is new rather than about anything ("what's new?", "any ai news", "latest news", "new
/// models"): its news words ("new", "news", "latest", "recent", ...) aside, it holds only words that say what the whole
/// collection is about. No passage answers it; the newest articles do. Read from English news words and the
/// collection's own word counts, never from a topic, so it carries over to any collection.
/// </summary>
internal static partial class NewsRequest
{
    /// <summary>
    /// A term held by more than this share of the articles says what the collection is about ("ai" and "model" are in
    /// 46 and 47 of the 50 curated AI news articles), not what one question asks ("phi" is in 4 of 50, "microsoft" in 17; in a
    /// small collection about Phi models, "phi" is a common word by passage counts, yet names a third of the articles).
    /// </summary>
    public const double CollectionWordShare = 0.5;

    /// <summary>
    /// The IDF weight over passages (log(1 + (N − df + 0.5) / (df + 0.5))) below which a term may be such a word: it
    /// is then in more than about a third of the passages (df &gt; N / e). Only such terms have their articles counted.
    /// </summary>
    private const double CommonWeight = 1.0;

    /// <summary>Whether the question's wording asks about news or what is new, whatever else it asks.</summary>
    public static bool Asks(string question) => NewsWords().IsMatch(question.Replace('’', '\''));

    /// <summary>
    /// Whether the question asks what is new and nothing more: each of its searched terms is a news word, or a word
    /// most of the collection's articles hold. A name or word few articles hold ("gemini", "chips"), a number ("2024")
    /// and a word the collection never holds ("sora") each make the question about something, and it is answered as
    /// any other.
    /// </summary>
    /// <param name="cleaned">The question's text that <paramref name="tokens"/> were read from (their offsets point into it).</param>
    /// <param name="articles">How many articles the collection holds.</param>
    public static bool InGeneral(string question, string cleaned, IReadOnlyList<AnalyzedToken> tokens, IReadOnlyDictionary<string, double> weights, QuestionTerms lookup, int articles)
    {
        if (!Asks(question))
        {
            return false;
        }

        // The articles are counted last, and only when every other term is common by its passages: counting reads
        // every posting of the term.
        var others = tokens.Where(t => !NewsWordAt(cleaned, t.StartOffset)).Select(t => t.Term).Distinct(StringComparer.Ordinal).ToList();
        return others.All(term => !term.Any(char.IsDigit) && weights.TryGetValue(term, out var weight) && weight < CommonWeight)
            && others.All(term => lookup.ArticleFreq(term) > CollectionWordShare * articles);
    }

    private static bool NewsWordAt(string text, int at) => NewsWords().Match(text, at) is { Success: true } word && word.Index == at;

    [GeneratedRegex(@"\b(news|new|newest|latest|recent|recently|lately)\b", RegexOptions.IgnoreCase)]
    private static partial Regex NewsWords();
}
