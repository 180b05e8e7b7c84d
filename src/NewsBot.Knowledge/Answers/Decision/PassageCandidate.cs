using NewsBot.Knowledge.Answers.Evidence;

namespace NewsBot.Knowledge.Answers.Decision;

/// <summary>
/// A passage that may answer a question, with what the answer model weighs: its ranking scores, how much of the
/// question it covers, and its evidence (best sentence window, kind of fact, date).
/// </summary>
/// <param name="Index">Its position in the article (0: the first paragraph).</param>
/// <param name="Fused">The fused ranking score (BM25 alone when semantic ranking is off; 0 for a passage neither search found).</param>
/// <param name="Lexical">The BM25 score; 0 for a passage found by its vector alone.</param>
/// <param name="Cosine">The passage vector's similarity with the question's; null without vectors.</param>
/// <param name="Coverage">Weighted share of the question's terms in the passage, its heading, its article's title, tags and year.</param>
/// <param name="TextCoverage">Weighted share of the question's terms in the passage text alone.</param>
/// <param name="NameCoverage">Weighted share of the question's names in the passage and its heading, title and tags; 1 when the question names nothing.</param>
/// <param name="ModelNameMissing">True when the question names a model version ("gemma 2", "gpt-5") that neither the
/// passage nor its article's title, tags and heading name, or a lettered name ("series a": <see cref="Questions.LetteredNames"/>)
/// they do not write: the passage is about something else and cannot answer.</param>
/// <param name="DateInText">1 when the passage names the year and month the question names, -1 when not, 0 when it names none.</param>
internal sealed record PassageCandidate(
    int Doc,
    ArticleInfo Article,
    int Index,
    string Text,
    string? Heading,
    float Fused,
    float Lexical,
    float? Cosine,
    double Coverage,
    double TextCoverage,
    double NameCoverage,
    bool ModelNameMissing,
    int DateInText,
    PassageEvidence Evidence)
{
    /// <summary>True when the question's most specific word (its rarest term that is not a name) is neither in the
    /// passage nor in its heading, title or tags: "what training-compute threshold..." answered from a passage that
    /// never says "threshold".</summary>
    public bool RarestMissing { get; init; }

    /// <summary>True when the question names a date (a year, or a month and year) that neither the passage names nor
    /// its article was published in: "how much did google invest in anthropic in october 2023" is not answered from a
    /// September article's passage about February.</summary>
    public bool DateMissing { get; init; }

    /// <summary>True in a reading that names a family's first model by its plain name (<see cref="FirstModelReading"/>)
    /// when the passage or its heading names a later model of the family and not the first ("Grok-2"): it is about
    /// that model.</summary>
    public bool NamesLaterModel { get; init; }

    /// <summary>True when the passage cannot answer however confident the decider: it does not name the model version
    /// or the date the question asks about (<see cref="ModelNameMissing"/>, <see cref="DateMissing"/>), or it is about a
    /// later model than the first one asked about (<see cref="NamesLaterModel"/>).</summary>
    public bool CannotAnswer => ModelNameMissing || DateMissing || NamesLaterModel;
}
