using NewsBot.Knowledge.Answers.Questions;

namespace NewsBot.Knowledge.Answers.Decision;

/// <summary>
/// A question as the answer model sees it: its wording (<see cref="Intent"/>, <see cref="Date"/>), the weight of each
/// of its terms, the names it asks about, and the candidate articles with their passages. Everything here is computed
/// once per question and does not depend on the model's fitted parameters, so evaluation can refit the model over
/// folds without searching again.
/// </summary>
/// <param name="Names">Question terms the collection writes as names (or that look like names: versions, joined
/// model names, capitalised words), each with its weight.</param>
/// <param name="UnknownNameShare">Weighted share of the question's names that no passage holds ("GPT-5", "Llama 4").</param>
/// <param name="UnknownWordShare">Share of the question's terms that no passage holds, names or not.</param>
/// <param name="Articles">The best-ranked articles, best fused score first, with their candidate passages.</param>
/// <param name="Others">Further matching articles, best first, with their best fused score: the tail of the ranking.</param>
/// <param name="Semantic">True when vector similarity was fused into the ranking.</param>
internal sealed record QuestionAnalysis(
    string Question,
    QuestionIntent Intent,
    AskedDate Date,
    IReadOnlyDictionary<string, double> Weights,
    IReadOnlyDictionary<string, double> Names,
    double UnknownNameShare,
    double UnknownWordShare,
    IReadOnlyList<ArticleCandidate> Articles,
    IReadOnlyList<(ArticleInfo Article, float Fused)> Others,
    bool Semantic)
{
    public static QuestionAnalysis Empty(string question) =>
        new(question, QuestionIntent.None, new AskedDate(null, null), new Dictionary<string, double>(), new Dictionary<string, double>(), 0, 0, [], [], false);

    public float MaxFused { get; } = Articles.Count == 0 ? 0 : Articles.Max(a => a.Fused);

    public float MaxLexical { get; } = Articles.Count == 0 ? 0 : Articles.Max(a => a.Lexical);

    public float MaxCosine { get; } = Articles.Count == 0 ? 0 : Articles.Max(a => a.Cosine);

    /// <summary>
    /// True when the question asks about nothing in particular: it names nothing and holds fewer than two searchable
    /// words that are not numbers ("funding", "what happened in 2023"), so every passage holding its one word covers
    /// all of it and the decider would quote any of them with confidence; or it asks only what is new
    /// (<see cref="AsksForNews"/>). Such a question is never answered. No question of the development, golden or
    /// paraphrase sets is one.
    /// </summary>
    public bool TooGeneral => NamesNothing || AsksForNews;

    private bool NamesNothing { get; } = Names.Keys.All(IsNumber) && Weights.Keys.Count(term => !IsNumber(term)) < 2;

    /// <summary>
    /// True when more than a third of the question's searchable words appear nowhere in the collection (after typos
    /// are corrected): "what's the weather in Paris today" holds "Paris", which the Bard launch article names, but not
    /// "weather". Such a question asks about something the collection does not cover, however well its other words
    /// match, and is never answered (docs/answer-engine.md gives the counts on every question set).
    /// </summary>
    public bool MostlyUnknown => UnknownWordShare > MaxUnknownWordShare;

    private const double MaxUnknownWordShare = 1.0 / 3;

    /// <summary>
    /// True when the question asks what is new and nothing more ("what's new in ai", "any news?"; see
    /// <see cref="NewsRequest"/>): no passage answers it, and the newest articles are offered instead of the closest.
    /// </summary>
    public bool AsksForNews { get; init; }

    private static bool IsNumber(string term) => term.All(char.IsAsciiDigit);

    /// <summary>True when every candidate passage has a vector: the semantic model's signals are all there.</summary>
    public bool FullyEmbedded => Semantic && Articles.All(a => a.Passages.All(p => p.Cosine is not null));
}
