namespace NewsBot.Bot.Replies;

/// <summary>Text cut to a channel's or a card's limit, with an ellipsis that says so.</summary>
internal static class TextLimits
{
    /// <summary><paramref name="text"/> when it has at most <paramref name="max"/> characters, else its start and "…" in <paramref name="max"/>.</summary>
    public static string Cut(string text, int max)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= max ? text : text[..(max - 1)] + "…";
    }
}
