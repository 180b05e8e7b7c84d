namespace NewsBot.Bot.Replies;

/// <summary>
/// A passage split around its answering sentence, for renderers that emphasise it (bold in Slack, a highlighted run in
/// a card). When the sentence is not found in the passage, all of it is <see cref="Before"/> and nothing is emphasised.
/// </summary>
internal readonly record struct QuotedPassage(string Before, string Highlight, string After)
{
    public bool HasHighlight => Highlight.Length > 0;

    public static QuotedPassage Of(string passage, string highlight)
    {
        ArgumentNullException.ThrowIfNull(passage);
        ArgumentNullException.ThrowIfNull(highlight);
        var at = highlight.Length == 0 ? -1 : passage.IndexOf(highlight, StringComparison.Ordinal);
        return at < 0
            ? new QuotedPassage(passage, string.Empty, string.Empty)
            : new QuotedPassage(passage[..at], highlight, passage[(at + highlight.Length)..]);
    }
}
