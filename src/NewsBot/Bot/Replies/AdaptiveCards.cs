using Microsoft.Bot.Schema;
using Newtonsoft.Json.Linq;

namespace NewsBot.Bot.Replies;

/// <summary>
/// Adaptive Card JSON written by hand (the AdaptiveCards object model is not available here), version 1.5
/// so that Teams renders every element.
/// </summary>
internal static class AdaptiveCards
{
    public const string ContentType = "application/vnd.microsoft.card.adaptive";
    public const string Version = "1.5";

    public static Attachment Attachment(JArray body, JArray? actions = null, string? fallbackText = null)
    {
        var card = new JObject
        {
            ["type"] = "AdaptiveCard",
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["version"] = Version,
            ["body"] = body,
        };
        if (actions is { Count: > 0 })
        {
            card["actions"] = actions;
        }

        if (fallbackText is not null)
        {
            card["fallbackText"] = fallbackText;
        }

        return new Attachment { ContentType = ContentType, Content = card };
    }

    public static JObject TextBlock(string text, string? weight = null, string? size = null, bool subtle = false, string? spacing = null)
    {
        var block = new JObject { ["type"] = "TextBlock", ["text"] = text, ["wrap"] = true };
        if (weight is not null)
        {
            block["weight"] = weight;
        }

        if (size is not null)
        {
            block["size"] = size;
        }

        if (subtle)
        {
            block["isSubtle"] = true;
        }

        if (spacing is not null)
        {
            block["spacing"] = spacing;
        }

        return block;
    }

    public static JObject TextRun(string text, bool emphasised = false)
    {
        var run = new JObject { ["type"] = "TextRun", ["text"] = text };
        if (emphasised)
        {
            run["weight"] = "Bolder";
            run["highlight"] = true;
        }

        return run;
    }

    public static JObject OpenUrl(string title, Uri url) => new()
    {
        ["type"] = "Action.OpenUrl",
        ["title"] = title,
        ["url"] = url.AbsoluteUri,
    };

    /// <summary>
    /// A button whose <paramref name="data"/> comes back as a message's <c>value</c>. Action.Submit rather than
    /// Action.Execute: Web Chat 4.18 (the local page, Web Chat through Azure) does nothing on Action.Execute (docs/bot.md).
    /// </summary>
    public static JObject Submit(string title, JObject data) => new()
    {
        ["type"] = "Action.Submit",
        ["title"] = title,
        ["data"] = data,
    };
}
