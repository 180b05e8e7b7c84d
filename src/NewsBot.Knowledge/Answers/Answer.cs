namespace NewsBot.Knowledge.Answers;

/// <summary>
/// The engine's reply to a question. When <see cref="Answered"/> is false, <see cref="Results"/> is empty
/// and <see cref="Closest"/> names the nearest articles instead: a low-confidence passage is never an answer.
/// </summary>
/// <param name="Confidence">0–1: how much of the question the lead passage covers (see KnowledgeOptions.MinConfidence).</param>
/// <param name="Results">Answering passages, best first (for a question asking how things are now, the newest article on its topic).</param>
/// <param name="Closest">Up to three nearest articles when the question is not answered; the newest articles when it
/// asks what is new (<see cref="AsksForNews"/>).</param>
/// <param name="Related">Articles similar to the lead answer, not among the results.</param>
/// <param name="Ranking">Every matching article id, best first (the order evaluation scores).</param>
/// <param name="HasMore">True when more answering results follow the ones returned (for "more").</param>
public sealed record Answer(
    string Question,
    bool Answered,
    double Confidence,
    IReadOnlyList<AnswerResult> Results,
    IReadOnlyList<ArticleLink> Closest,
    IReadOnlyList<ArticleLink> Related,
    IReadOnlyList<ArticleInfo> Ranking,
    bool HasMore)
{
    public static Answer Empty(string question) => new(question, false, 0, [], [], [], [], false);

    /// <summary>True when the question asks what is new and nothing more ("what's new?", "any ai news"): no passage
    /// answers it, and <see cref="Closest"/> holds the newest articles, newest first.</summary>
    public bool AsksForNews { get; init; }
}

/// <summary>One answering passage.</summary>
/// <param name="Highlight">The sentence(s) of the passage that best answer the question.</param>
/// <param name="Score">The ranking score (BM25 with title, tag and proximity contributions).</param>
/// <param name="IsOlder">True when a newer answering article leads the answer: this one may be out of date.</param>
/// <param name="IsNewer">True when this answer is on the lead's topic and newer than the lead: the lead may be out of date.</param>
public sealed record AnswerResult(
    ArticleInfo Article,
    string Passage,
    string? Heading,
    string Highlight,
    double Score,
    double Confidence,
    bool IsOlder,
    bool IsNewer);

/// <summary>A title with its link and date, for "closest" and "related" lists.</summary>
public sealed record ArticleLink(string Id, string Title, Uri Url, DateTimeOffset Published, string? Source)
{
    public static ArticleLink From(ArticleInfo article) => new(article.Id, article.Title, article.Url, article.Published, article.Source);
}
