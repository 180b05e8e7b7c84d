using NewsBot.Knowledge;
using NewsBot.Knowledge.Answers;
using Newtonsoft.Json.Linq;

namespace NewsBot.Bot.Replies;

/// <summary>
/// Slack formatting: mrkdwn text with <c>&lt;url|title&gt;</c> links and Block Kit blocks (section text within
/// Slack's 3,000-character limit), sent through Azure Bot Service's Slack channel as channelData.
/// </summary>
internal static class SlackMessage
{
    public const int MaxSectionText = 3000;

    public static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);

    public static string Link(Uri url, string title) => $"<{url.AbsoluteUri}|{Escape(title).Replace("|", "¦", StringComparison.Ordinal)}>";

    public static string Byline(ArticleInfo article) =>
        article.Source is null ? Dates.Short(article.Published) : $"{Escape(article.Source)} · {Dates.Short(article.Published)}";

    /// <summary>The quoted passage with the answering sentence in bold.</summary>
    public static string Quote(AnswerResult result)
    {
        var passage = result.Passage;
        var at = passage.IndexOf(result.Highlight, StringComparison.Ordinal);
        var text = at < 0
            ? Escape(passage)
            : Escape(passage[..at]) + "*" + Escape(result.Highlight).Trim() + "*" + Escape(passage[(at + result.Highlight.Length)..]);
        return Truncate("> " + text, MaxSectionText);
    }

    public static JObject Section(string mrkdwn) => new()
    {
        ["type"] = "section",
        ["text"] = new JObject { ["type"] = "mrkdwn", ["text"] = Truncate(mrkdwn, MaxSectionText) },
    };

    public static JObject Context(string mrkdwn) => new()
    {
        ["type"] = "context",
        ["elements"] = new JArray { new JObject { ["type"] = "mrkdwn", ["text"] = Truncate(mrkdwn, MaxSectionText) } },
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

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
