using NewsBot.Knowledge.Answers;

namespace NewsBot.Cli;

/// <summary>The JSON shape of <c>ask --json</c>.</summary>
/// <param name="Closest">The nearest articles when not answered; the newest ones when <paramref name="AsksForNews"/>.</param>
/// <param name="AsksForNews">True when the question asks what is new and nothing more ("what's new?", "any ai news").</param>
internal sealed record AnswerJson(
    string Question,
    bool Answered,
    double Confidence,
    IReadOnlyList<AnswerJson.Result> Results,
    IReadOnlyList<AnswerJson.Link> Related,
    IReadOnlyList<AnswerJson.Link> Closest,
    bool AsksForNews)
{
    public static AnswerJson From(Answer answer) => new(
        answer.Question,
        answer.Answered,
        answer.Confidence,
        answer.Results.Select(r => new Result(
            r.Article.Id,
            r.Article.Title,
            r.Article.Url.AbsoluteUri,
            Display.IsoDate(r.Article.Published),
            r.Article.Source,
            r.Passage,
            r.Highlight,
            r.Score,
            r.Heading,
            r.IsOlder,
            r.IsNewer)).ToList(),
        answer.Related.Select(Link.From).ToList(),
        answer.Closest.Select(Link.From).ToList(),
        answer.AsksForNews);

    /// <param name="Older">True when a newer answering article leads: this one may be out of date.</param>
    /// <param name="Newer">True when this one is on the lead's topic and newer than the lead: the lead may be out of date.</param>
    internal sealed record Result(
        string ArticleId,
        string Title,
        string Url,
        string Published,
        string? Source,
        string Passage,
        string Highlight,
        double Score,
        string? Heading,
        bool Older,
        bool Newer);

    internal sealed record Link(string Title, string Url, string Published)
    {
        public static Link From(ArticleLink link) => new(link.Title, link.Url.AbsoluteUri, Display.IsoDate(link.Published));
    }
}
