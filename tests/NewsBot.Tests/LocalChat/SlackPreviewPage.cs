using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;

namespace NewsBot.Tests.LocalChat;

/// <summary>
/// A Slack message (<c>chat.postMessage</c>'s <c>blocks</c>) drawn as a simple HTML page in Slack's manner, so that a
/// browser can show and screenshot what the Block Kit renderer wrote. Sections, context and buttons; mrkdwn's links,
/// bold, code and quotes.
/// </summary>
internal static partial class SlackPreviewPage
{
    public static string Html(JObject message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var body = new StringBuilder();
        foreach (var block in message["blocks"] as JArray ?? [])
        {
            switch (block.Value<string>("type"))
            {
                case "section":
                    body.Append("<div class=\"section\">").Append(Mrkdwn(block["text"]?.Value<string>("text") ?? string.Empty)).Append("</div>");
                    break;
                case "context":
                    body.Append("<div class=\"context\">").Append(string.Join(" ", (block["elements"] as JArray ?? []).Select(e => Mrkdwn(e.Value<string>("text") ?? string.Empty)))).Append("</div>");
                    break;
                case "actions":
                    body.Append("<div class=\"actions\">");
                    foreach (var button in block["elements"] as JArray ?? [])
                    {
                        body.Append("<span class=\"button\">").Append(WebUtility.HtmlEncode(button["text"]?.Value<string>("text") ?? string.Empty)).Append("</span>");
                    }

                    body.Append("</div>");
                    break;
                default:
                    throw new InvalidOperationException($"The preview draws no '{block.Value<string>("type")}' block.");
            }
        }

        return $$"""
            <!doctype html>
            <html><head><meta charset="utf-8"><style>
              body { font: 15px/1.46 "Lato", "Helvetica Neue", Arial, sans-serif; color: #1d1c1d; margin: 0; background: #fff; }
              .message { display: flex; gap: 8px; padding: 12px 20px; max-width: 720px; }
              .avatar { width: 36px; height: 36px; border-radius: 4px; background: #4a154b; color: #fff; font-weight: bold; display: flex; align-items: center; justify-content: center; flex: none; }
              .name { font-weight: 900; } .app { font-size: 10px; background: #e8e8e8; color: #616061; padding: 1px 3px; border-radius: 2px; margin-left: 4px; }
              .section { margin: 4px 0; } .context { color: #616061; font-size: 12px; margin: 4px 0; }
              .quote { border-left: 4px solid #dddddd; padding-left: 10px; margin: 2px 0; }
              a { color: #1264a3; text-decoration: none; } code { background: #f6f6f6; border: 1px solid #e0e0e0; border-radius: 3px; padding: 0 3px; font-size: 12px; }
              .button { display: inline-block; border: 1px solid #bbbbbb; border-radius: 4px; padding: 3px 12px; font-weight: bold; font-size: 13px; margin: 6px 6px 0 0; }
            </style></head>
            <body><div class="message"><div class="avatar">NB</div><div><span class="name">NewsBot</span><span class="app">APP</span>
            {{body}}
            </div></div></body></html>
            """;
    }

    /// <summary>mrkdwn as HTML. Slack text arrives escaped (&amp;amp; &amp;lt; &amp;gt;), which is HTML's escaping too.</summary>
    private static string Mrkdwn(string text)
    {
        var lines = text.Split('\n').Select(line =>
        {
            var html = Link().Replace(line, m => $"<a href=\"{m.Groups[1].Value}\">{m.Groups[2].Value}</a>");
            html = Bold().Replace(html, "<b>$1</b>");
            html = Code().Replace(html, "<code>$1</code>");
            return html.StartsWith("&gt; ", StringComparison.Ordinal) || html.StartsWith("> ", StringComparison.Ordinal)
                ? $"<div class=\"quote\">{html[(html.IndexOf(' ', StringComparison.Ordinal) + 1)..]}</div>"
                : html + "<br>";
        });
        return string.Concat(lines);
    }

    [GeneratedRegex(@"<(https?://[^|>]+)\|([^>]*)>")]
    private static partial Regex Link();

    [GeneratedRegex(@"\*([^*\n]+)\*")]
    private static partial Regex Bold();

    [GeneratedRegex(@"`([^`\n]+)`")]
    private static partial Regex Code();
}
