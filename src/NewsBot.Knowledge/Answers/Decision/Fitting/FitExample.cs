using NewsBot.Knowledge.Evaluation;

namespace NewsBot.Knowledge.Answers.Decision.Fitting;

/// <summary>A golden question with its analysis: what the answer model is fitted on.</summary>
/// <param name="Readings">The question's other readings, tried when it is declined as asked (none while fitting alone).</param>
internal sealed record FitExample(GoldenQuestion Question, QuestionAnalysis Analysis, IReadOnlyList<QuestionAnalysis>? Readings = null)
{
    /// <summary>True when the candidate is in an expected article and holds every <c>must</c> pattern.</summary>
    public bool Grounded(PassageCandidate passage) => InExpectedArticle(passage) && Question.Grounds(passage.Text);

    public bool InExpectedArticle(PassageCandidate passage) => Expected(passage.Article);

    public bool Expected(ArticleInfo article) => Question.Expect.Contains(article.Url.AbsoluteUri);

    /// <summary>The fold key this example shares with another (its copy asked of a restyled collection keeps the key
    /// of the original, so no fit sees one copy of the question it scores).</summary>
    public string? FoldKey { get; init; }

    /// <summary>What keeps a question's fold: its expected article, or for an unanswerable question the article
    /// ranked first for it, so near misses sit with the questions of the article they resemble.</summary>
    public string Group =>
        FoldKey ?? (Question.Answerable ? Question.Expect.Min(StringComparer.Ordinal)!
        : Analysis.Articles.Count > 0 ? Analysis.Articles[0].Info.Url.AbsoluteUri
        : Question.Id);
}
