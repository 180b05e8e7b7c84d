namespace NewsBot.Bot.Replies;

/// <summary>Markdown as Web Chat, Teams and the plain-text fallbacks read it.</summary>
internal static class MarkdownText
{
    /// <summary>A title made safe inside <c>[…](url)</c>: square brackets become parentheses.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Replace("[", "(", StringComparison.Ordinal).Replace("]", ")", StringComparison.Ordinal);
    }

    public static string Link(string title, Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return $"[{Escape(title)}]({url.AbsoluteUri})";
    }
}
