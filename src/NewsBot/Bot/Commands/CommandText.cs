namespace NewsBot.Bot.Commands;

/// <summary>
/// A message read as a command: its first word (a leading <c>/</c> dropped, as Slack and Teams users type it) and
/// the rest as arguments. The one place a message is split into a command word; sub-commands use it again on the
/// arguments ("digest on 09:00" → "digest", then "on").
/// </summary>
public readonly record struct CommandText(string Word, string Arguments)
{
    public static CommandText Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        var space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        var word = (space < 0 ? trimmed : trimmed[..space]).TrimStart('/');
        return new CommandText(word, space < 0 ? string.Empty : trimmed[(space + 1)..].Trim());
    }
}
