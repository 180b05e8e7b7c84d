using Microsoft.Bot.Schema;
using NewsBot.Knowledge.Answers;
using Newtonsoft.Json.Linq;

namespace NewsBot.Bot.Replies;

/// <summary>
/// The answer as an Adaptive Card: title, publisher and date, the quoted passage with the answering sentence
/// emphasised, older coverage named with its dates, an "Open source" button, and optionally 👍/👎 buttons.
/// </summary>
internal static class AnswerCard
{
    public const string FeedbackKey = "newsbotFeedback";

    public static Attachment Build(AnswerResult result, IReadOnlyList<AnswerResult> older, string? feedbackQuestion)
    {
        var article = result.Article;
        var byline = article.Source is null ? Dates.Short(article.Published) : $"{article.Source} · {Dates.Short(article.Published)}";
        var body = new JArray
        {
            AdaptiveCards.TextBlock(article.Title, weight: "Bolder", size: "Medium"),
            AdaptiveCards.TextBlock(byline, subtle: true, spacing: "None"),
            new JObject { ["type"] = "RichTextBlock", ["inlines"] = Quote(result.Passage, result.Highlight) },
        };
        if (older.Count > 0)
        {
            var names = string.Join("; ", older.Select(o => $"{o.Article.Title} ({Dates.Short(o.Article.Published)})"));
            body.Add(AdaptiveCards.TextBlock($"Older coverage, may be out of date: {names}", size: "Small", subtle: true));
        }

        var actions = new JArray { AdaptiveCards.OpenUrl("Open source", article.Url) };
        if (feedbackQuestion is not null)
        {
            actions.Add(AdaptiveCards.Submit("👍 Helpful", Feedback("like", feedbackQuestion, article.Id)));
            actions.Add(AdaptiveCards.Submit("👎 Not helpful", Feedback("dislike", feedbackQuestion, article.Id)));
        }

        return AdaptiveCards.Attachment(body, actions, $"{article.Title} ({byline}): {result.Highlight} {article.Url.AbsoluteUri}");
    }

    /// <summary>The passage as text runs, the highlighted sentence(s) emphasised.</summary>
    internal static JArray Quote(string passage, string highlight)
    {
        var at = passage.IndexOf(highlight, StringComparison.Ordinal);
        if (at < 0 || highlight.Length == 0)
        {
            return [AdaptiveCards.TextRun($"“{passage}”")];
        }

        var runs = new JArray();
        var before = passage[..at];
        var after = passage[(at + highlight.Length)..];
        runs.Add(AdaptiveCards.TextRun("“" + before));
        runs.Add(AdaptiveCards.TextRun(highlight, emphasised: true));
        runs.Add(AdaptiveCards.TextRun(after + "”"));
        return runs;
    }

    private static JObject Feedback(string reaction, string question, string articleId) => new()
    {
        [FeedbackKey] = reaction,
        ["question"] = question,
        ["articleId"] = articleId,
    };
}
