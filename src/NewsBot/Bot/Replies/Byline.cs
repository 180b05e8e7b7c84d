using NewsBot.Knowledge;

namespace NewsBot.Bot.Replies;

/// <summary>Who published an article and when, as every reply shows it: "GitHub (ollama) · 6 Jan 2024", or the date alone.</summary>
internal static class Byline
{
    public static string Of(string? publisher, DateTimeOffset published) =>
        publisher is null ? Dates.Short(published) : $"{publisher} · {Dates.Short(published)}";

    public static string Of(ArticleInfo article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return Of(article.Source, article.Published);
    }
}
