using Newtonsoft.Json.Linq;

namespace NewsBot.Bot.Replies;

/// <summary>
/// Slack formatting: mrkdwn text with <c>&lt;url|title&gt;</c> links and Block Kit blocks (section text within
/// Slack's 3,000-character limit): the pieces <see cref="SlackRenderer"/> builds its messages from.
/// </summary>
internal static class SlackMessage
{
    public const int MaxSectionText = 3000;

    public static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    public static string Link(Uri url, string title) => $"<{url.AbsoluteUri}|{Escape(title).Replace("|", "¦", StringComparison.Ordinal)}>";

    /// <summary>The quoted passage with the answering sentence in bold.</summary>
    public static string Quote(QuotedPassage quote) =>
        TextLimits.Cut("> " + (quote.HasHighlight ? Escape(quote.Before) + "*" + Escape(quote.Highlight).Trim() + "*" + Escape(quote.After) : Escape(quote.Before)), MaxSectionText);

    public static JObject Section(string mrkdwn) => new()
    {
        ["type"] = "section",
        ["text"] = new JObject { ["type"] = "mrkdwn", ["text"] = TextLimits.Cut(mrkdwn, MaxSectionText) },
    };

    public static JObject Context(string mrkdwn) => new()
    {
        ["type"] = "context",
        ["elements"] = new JArray { new JObject { ["type"] = "mrkdwn", ["text"] = TextLimits.Cut(mrkdwn, MaxSectionText) } },
    };

    public static JObject Button(string text, Uri url) => new()
    {
        ["type"] = "actions",
        ["elements"] = new JArray
        {
            new JObject
            {
                ["type"] = "button",
                ["text"] = new JObject { ["type"] = "plain_text", ["text"] = text },
                ["url"] = url.AbsoluteUri,
            },
        },
    };

    /// <summary>channelData for Azure Bot Service's Slack channel: the message text plus Block Kit blocks.</summary>
    public static JObject ChannelData(string text, JArray blocks) => new() { ["text"] = text, ["blocks"] = blocks };
}
