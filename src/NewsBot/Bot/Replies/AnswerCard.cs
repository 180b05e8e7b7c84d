using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace NewsBot.Bot.Replies;

/// <summary>
/// A quoted result as an Adaptive Card: title, byline, the quoted passage with the answering sentence emphasised, newer
/// and older coverage named with their dates, an "Open source" button, and optionally 👍/👎 buttons.
/// </summary>
internal static class AnswerCard
{
    public const string FeedbackKey = "newsbotFeedback";

    /// <param name="feedbackQuestion">The question the 👍/👎 buttons report on; null for no buttons (Teams has its own).</param>
    public static Attachment Build(ResultView result, IReadOnlyList<ResultView> newer, IReadOnlyList<ResultView> older, string? feedbackQuestion)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(newer);
        ArgumentNullException.ThrowIfNull(older);
        var article = result.Article;
        var body = new JArray
        {
            AdaptiveCards.TextBlock(MarkdownText.Link(article.Title, article.Url), weight: "Bolder", size: "Medium"),
            AdaptiveCards.TextBlock(article.Byline, subtle: true, spacing: "None"),
            new JObject { ["type"] = "RichTextBlock", ["inlines"] = Quote(result.Quote) },
        };
        // Newer coverage is not subtle: the lead's fact may have changed since.
        AddCoverage(body, PlainReplies.NewerCoverage, newer, subtle: false);
        AddCoverage(body, PlainReplies.OlderCoverage, older, subtle: true);

        var actions = new JArray { AdaptiveCards.OpenUrl("Open source", article.Url) };
        if (feedbackQuestion is not null)
        {
            actions.Add(AdaptiveCards.Submit("👍 Helpful", Feedback("like", feedbackQuestion, article.Id)));
            actions.Add(AdaptiveCards.Submit("👎 Not helpful", Feedback("dislike", feedbackQuestion, article.Id)));
        }

        return AdaptiveCards.Attachment(body, actions, $"{article.Title} ({article.Byline}): {result.Highlight} {article.Url.AbsoluteUri}");
    }

    private static void AddCoverage(JArray body, string label, IReadOnlyList<ResultView> results, bool subtle)
    {
        if (results.Count > 0)
        {
            body.Add(AdaptiveCards.TextBlock(label + string.Join("; ", results.Select(r => $"{r.Article.Title} ({r.Article.Date})")), size: "Small", subtle: subtle));
        }
    }

    /// <summary>The passage as text runs in quotation marks, the highlighted sentence(s) emphasised.</summary>
    internal static JArray Quote(QuotedPassage quote)
    {
        if (!quote.HasHighlight)
        {
            return [AdaptiveCards.TextRun($"“{quote.Before}”")];
        }

        return
        [
            AdaptiveCards.TextRun("“" + quote.Before),
            AdaptiveCards.TextRun(quote.Highlight, emphasised: true),
            AdaptiveCards.TextRun(quote.After + "”"),
        ];
    }

    private static JObject Feedback(string reaction, string question, string articleId) => new()
    {
        [FeedbackKey] = reaction,
        ["question"] = question,
        ["articleId"] = articleId,
    };
}
