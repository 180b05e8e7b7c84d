namespace NewsBot.Knowledge.Answers.Decision;

/// <summary>
/// An article that may answer a question: its candidate passages and what its title and tags say about the
/// question (the signals of <see cref="AnswerFeatures.ArticleNames"/>).
/// </summary>
/// <param name="Passages">Its candidate passages, best fused score first.</param>
/// <param name="Rank">0 for the article ranked first by fused score, 1 for the next, ...</param>
/// <param name="AboutCoverage">Weighted share of the question's terms in the article's title and tags.</param>
/// <param name="AboutNameCoverage">Weighted share of the question's names in its title and tags (1 when the question names nothing).</param>
/// <param name="AboutExtraNames">Weighted share of the names in its title and tags that the question does not name:
/// "GPT-4 Turbo" for a question about GPT-4 is probably about something more specific than what was asked.</param>
/// <param name="DateMatch">1 when it was published in the year and month the question names, -1 when not, 0 when it names none.</param>
internal sealed record ArticleCandidate(
    ArticleInfo Info,
    IReadOnlyList<PassageCandidate> Passages,
    int Rank,
    double AboutCoverage,
    double AboutNameCoverage,
    double AboutExtraNames,
    int DateMatch)
{
    public float Fused { get; } = Passages.Max(p => p.Fused);

    public float Lexical { get; } = Passages.Max(p => p.Lexical);

    public float Cosine { get; } = Passages.Max(p => p.Cosine ?? 0);

    /// <summary>True when its title and tags name every model version the question names ("Phi-2" for "what license
    /// is phi-2 under now"; true when the question names none).</summary>
    public bool TitleNamesAskedVersions { get; init; } = true;

    /// <summary>Weighted share of the question's names that any of its passages (with its title, tags and headings)
    /// holds: 1 when the question names nothing.</summary>
    public double NameCoverage { get; init; } = 1;

    /// <summary>True when a name the question asks about (a word the collection nearly always writes as a name; bare
    /// numbers are parts of versions, which <see cref="ModelNameMissing"/> weighs) is held by none of its weighed
    /// passages, nor by its title, tags and headings: "when did apple intelligence launch in the eu" is not answered by an article that never names the EU,
    /// however well it covers the rest. Every passage of the lead article is weighed.</summary>
    public bool NameMissing { get; init; }

    /// <summary>True when none of its passages names the model version asked about.</summary>
    public bool ModelNameMissing { get; } = Passages.All(p => p.ModelNameMissing);
}
