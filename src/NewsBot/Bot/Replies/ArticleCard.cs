using Microsoft.Bot.Schema;
using NewsBot.Knowledge;
using Newtonsoft.Json.Linq;

namespace NewsBot.Bot.Replies;

/// <summary>One article as an Adaptive Card (what a message-extension search inserts) and as a thumbnail card (its preview).</summary>
internal static class ArticleCard
{
    /// <summary>Summaries longer than this are cut, so that a list of previews stays readable.</summary>
    public const int MaxSummary = 300;

    /// <param name="quote">The answering sentence when the search matched a passage, else null for the summary.</param>
    public static Attachment Build(ArticleInfo article, string? quote)
    {
        ArgumentNullException.ThrowIfNull(article);
        var body = new JArray
        {
            AdaptiveCards.TextBlock(article.Title, weight: "Bolder", size: "Medium"),
            AdaptiveCards.TextBlock(Byline.Of(article), subtle: true, spacing: "None"),
        };
        if (Text(article, quote) is { } text)
        {
            body.Add(AdaptiveCards.TextBlock(quote is null ? text : $"“{text}”"));
        }

        return AdaptiveCards.Attachment(body, [AdaptiveCards.OpenUrl("Open source", article.Url)], $"{article.Title} ({Byline.Of(article)}): {article.Url.AbsoluteUri}");
    }

    public static Attachment Preview(ArticleInfo article, string? quote)
    {
        ArgumentNullException.ThrowIfNull(article);
        return new ThumbnailCard
        {
            Title = article.Title,
            Subtitle = Byline.Of(article),
            Text = Text(article, quote),
            Tap = new CardAction(ActionTypes.OpenUrl, value: article.Url.AbsoluteUri),
        }.ToAttachment();
    }

    private static string? Text(ArticleInfo article, string? quote)
    {
        var text = quote ?? article.Summary;
        return string.IsNullOrWhiteSpace(text) ? null : TextLimits.Cut(text, MaxSummary);
    }
}
