using System.Text;

namespace NewsBot.Bot.Replies;

/// <summary>
/// Replies as Markdown text: what channels without cards show, the declines every channel shows as text, and the
/// fallbacks inside cards.
/// </summary>
internal static class PlainReplies
{
    public const string NotCovered = "I couldn't find an answer to that in the curated news.";

    public const string OlderCoverage = "Older coverage, may be out of date: ";

    public const string NewerCoverage = "Newer coverage: ";

    public const string EmptyCollection = "The collection is empty for now.";

    /// <summary>The answering sentence quoted, the article with its byline and link, and the newer and older coverage.</summary>
    public static string Answer(ResultView lead, IReadOnlyList<ResultView> newer, IReadOnlyList<ResultView> older)
    {
        ArgumentNullException.ThrowIfNull(lead);
        ArgumentNullException.ThrowIfNull(newer);
        ArgumentNullException.ThrowIfNull(older);
        var article = lead.Article;
        var text = new StringBuilder()
            .Append('“').Append(lead.Highlight).Append('”')
            .AppendLine().AppendLine()
            .Append("— ").Append(MarkdownText.Escape(article.Title)).Append(" (").Append(article.Byline).Append("): ").Append(article.Url.AbsoluteUri);
        AppendCoverage(text, NewerCoverage, newer);
        AppendCoverage(text, OlderCoverage, older);
        return text.ToString();
    }

    private static void AppendCoverage(StringBuilder text, string label, IReadOnlyList<ResultView> results)
    {
        if (results.Count > 0)
        {
            text.AppendLine().AppendLine()
                .Append(label)
                .Append(string.Join("; ", results.Select(r => $"{MarkdownText.Link(r.Article.Title, r.Article.Url)} ({r.Article.Date})")));
        }
    }

    /// <summary>"Not in the curated news", and the closest articles when there are any.</summary>
    public static string Decline(AnswerView answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        var text = new StringBuilder(NotCovered);
        if (answer.Closest.Count > 0)
        {
            text.AppendLine().AppendLine().AppendLine("The closest articles I have:");
            foreach (var link in answer.Closest)
            {
                text.Append("- ").Append(MarkdownText.Link(link.Title, link.Url)).Append(" (").Append(link.Date).AppendLine(")");
            }
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>The heading of the newest articles, for <c>latest</c> and for "what's new?".</summary>
    public static string NewestHeading(int count) => $"The {count} newest articles";

    public static string ArticleList(string heading, IReadOnlyList<ArticleView> articles) =>
        heading + ":\n\n" + string.Join("\n", articles.Select(a => $"- {MarkdownText.Link(a.Title, a.Url)} ({a.Date})"));

    /// <summary>The short line a notification shows for an answer: the answering sentence and the article's title.</summary>
    public static string AnswerSummary(ResultView lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        return TextLimits.Cut($"{lead.Highlight.Trim()} ({lead.Article.Title})", MaxSummary);
    }

    /// <summary>Notifications cut longer text anyway; this keeps the summary to what they show.</summary>
    public const int MaxSummary = 200;
}
