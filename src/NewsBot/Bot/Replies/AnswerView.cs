using NewsBot.Knowledge;
using NewsBot.Knowledge.Answers;
using NewsBot.Knowledge.Digests;

namespace NewsBot.Bot.Replies;

/// <summary>
/// One answer as every renderer reads it: the lead result with its highlight and byline, the older coverage named
/// under it, the further results (for <c>more</c>), the related articles and, when nothing answered, the closest titles.
/// </summary>
internal sealed record AnswerView(
    string Question,
    IReadOnlyList<ResultView> Results,
    IReadOnlyList<ArticleView> Related,
    IReadOnlyList<ArticleView> Closest)
{
    /// <summary>The result that answers, or null when the collection does not cover the question.</summary>
    public ResultView? Lead => Results.Count > 0 ? Results[0] : null;

    /// <summary>Older articles that answered differently: named under the lead, "may be out of date".</summary>
    public IReadOnlyList<ResultView> Older => Results.Skip(1).Where(r => r.IsOlder).ToList();

    public static AnswerView From(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return new AnswerView(
            answer.Question,
            answer.Answered ? answer.Results.Select(ResultView.From).ToList() : [],
            answer.Related.Select(ArticleView.From).ToList(),
            answer.Closest.Select(ArticleView.From).ToList());
    }
}

/// <summary>One quoted passage of an answer.</summary>
internal sealed record ResultView(ArticleView Article, string Passage, string Highlight, bool IsOlder)
{
    public QuotedPassage Quote => QuotedPassage.Of(Passage, Highlight);

    public static ResultView From(AnswerResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new ResultView(ArticleView.From(result.Article), result.Passage, result.Highlight, result.IsOlder);
    }
}

/// <summary>An article as replies name it: title, link, byline ("publisher · date"), date, and a summary where there is one.</summary>
internal sealed record ArticleView(string Id, string Title, Uri Url, string Byline, string Date, string? Summary = null)
{
    public static ArticleView From(ArticleInfo article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new ArticleView(article.Id, article.Title, article.Url, Replies.Byline.Of(article), Dates.Short(article.Published), article.Summary);
    }

    public static ArticleView From(ArticleLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return new ArticleView(link.Id, link.Title, link.Url, Replies.Byline.Of(link.Source, link.Published), Dates.Short(link.Published));
    }

    public static ArticleView From(DigestItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new ArticleView(item.Id, item.Title, item.Url, Replies.Byline.Of(item.Publisher, item.Published), Dates.Short(item.Published), item.Summary);
    }
}
