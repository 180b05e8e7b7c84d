using NewsBot.Knowledge;
using NewsBot.Knowledge.Answers;
using NewsBot.Knowledge.Digests;

namespace NewsBot.Bot.Replies;

/// <summary>
/// One answer as every renderer reads it: the lead result with its highlight and byline, the newer and older coverage
/// named under it, the further results (for <c>more</c>), the related articles and, when nothing answered, the closest titles.
/// Chat replies and the command line's <c>ask</c> are drawn from it.
/// </summary>
/// <param name="Confidence">0–1: how much of the question the lead passage covers (the command line prints it).</param>
internal sealed record AnswerView(
    string Question,
    double Confidence,
    IReadOnlyList<ResultView> Results,
    IReadOnlyList<ArticleView> Related,
    IReadOnlyList<ArticleView> Closest)
{
    /// <summary>True when the question asks what is new and nothing more: <see cref="Closest"/> holds the newest articles.</summary>
    public bool AsksForNews { get; init; }

    /// <summary>The result that answers, or null when the collection does not cover the question.</summary>
    public ResultView? Lead => Results.Count > 0 ? Results[0] : null;

    /// <summary>Newer articles on the lead's topic that answer too: named under the lead, since the lead's fact may
    /// have changed since.</summary>
    public IReadOnlyList<ResultView> Newer => Results.Skip(1).Where(r => r.IsNewer).ToList();

    /// <summary>Older articles that answered differently: named under the lead, "may be out of date".</summary>
    public IReadOnlyList<ResultView> Older => Results.Skip(1).Where(r => r.IsOlder).ToList();

    /// <summary>Further results that answer as well and are neither newer nor older coverage.</summary>
    public IReadOnlyList<ResultView> AlsoAnswering => Results.Skip(1).Where(r => !r.IsOlder && !r.IsNewer).ToList();

    public static AnswerView From(Answer answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        return new AnswerView(
            answer.Question,
            answer.Confidence,
            answer.Answered ? answer.Results.Select(ResultView.From).ToList() : [],
            answer.Related.Select(ArticleView.From).ToList(),
            answer.Closest.Select(ArticleView.From).ToList())
        {
            AsksForNews = answer.AsksForNews,
        };
    }
}

/// <summary>One quoted passage of an answer.</summary>
internal sealed record ResultView(ArticleView Article, string Passage, string Highlight, bool IsOlder, bool IsNewer)
{
    public QuotedPassage Quote => QuotedPassage.Of(Passage, Highlight);

    /// <summary>True when the answering sentence is the whole passage: there is nothing more to quote.</summary>
    public bool QuotesWholePassage => Passage == Highlight;

    public static ResultView From(AnswerResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return new ResultView(ArticleView.From(result.Article), result.Passage, result.Highlight, result.IsOlder, result.IsNewer);
    }
}

/// <summary>An article as replies name it: title, link, publisher and date (the byline), and a summary where there is one.</summary>
/// <param name="Date">The publication date as people read it: "6 Jan 2024".</param>
internal sealed record ArticleView(string Id, string Title, Uri Url, string? Publisher, string Date, string? Summary = null)
{
    /// <summary>"GitHub (ollama) · 6 Jan 2024", or the date alone.</summary>
    public string Byline => Replies.Byline.Of(Publisher, Date);

    public static ArticleView From(ArticleInfo article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new ArticleView(article.Id, article.Title, article.Url, article.Source, Dates.Short(article.Published), article.Summary);
    }

    public static ArticleView From(ArticleLink link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return new ArticleView(link.Id, link.Title, link.Url, link.Source, Dates.Short(link.Published));
    }

    public static ArticleView From(DigestItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new ArticleView(item.Id, item.Title, item.Url, item.Publisher, Dates.Short(item.Published), item.Summary);
    }
}
