using NewsBot.Knowledge;

namespace NewsBot.Bot.Replies;

/// <summary>Who published an article and when, as every reply shows it: "GitHub (ollama) · 6 Jan 2024", or the date alone.</summary>
internal static class Byline
{
    /// <summary>What stands between the publisher and the date in chat.</summary>
    public const string ChatSeparator = " · ";

    /// <param name="date">The date as it is shown ("6 Jan 2024", or "no date" for a draft without one).</param>
    /// <param name="separator">Between publisher and date: <see cref="ChatSeparator"/> unless the output has its own.</param>
    public static string Of(string? publisher, string date, string separator = ChatSeparator)
    {
        ArgumentNullException.ThrowIfNull(date);
        return publisher is null ? date : publisher + separator + date;
    }

    public static string Of(string? publisher, DateTimeOffset published) => Of(publisher, Dates.Short(published));

    public static string Of(ArticleInfo article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return Of(article.Source, article.Published);
    }
}
