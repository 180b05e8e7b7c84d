using System.Globalization;
using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using NewsBot.Bot;
using NewsBot.Bot.Replies;
using NewsBot.Knowledge.Digests;
using Newtonsoft.Json.Linq;

namespace NewsBot.Digests;

/// <summary>
/// A digest as a message for its channel: an Adaptive Card 1.5 for Teams and Web Chat, Block Kit for Slack,
/// and always Markdown text as the fallback for clients that show neither.
/// </summary>
internal static class DigestMessage
{
    public const string Heading = "AI news digest";

    /// <summary>The command that lists every article of a window of <paramref name="digest"/>'s length.</summary>
    public static string ListCommand(Digest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var days = Math.Clamp((int)Math.Ceiling((digest.WindowEnd - digest.WindowStart).TotalDays), 1, Commands.DigestListCommand.MaxDays);
        return string.Create(CultureInfo.InvariantCulture, $"digest list {days}");
    }

    public static string Title(Digest digest) =>
        string.Create(CultureInfo.InvariantCulture, $"{Heading}: {digest.Total} new article{(digest.Total == 1 ? string.Empty : "s")} since {Dates.Short(digest.WindowStart)}");

    public static string MoreLine(Digest digest) =>
        string.Create(CultureInfo.InvariantCulture, $"and {digest.More} more: type `{ListCommand(digest)}` to see them all.");

    /// <summary>The message, or the "nothing new" line for an empty digest (callers decide whether to post that).</summary>
    public static IMessageActivity Build(string? channelId, Digest digest, string? nothingNewText = null)
    {
        ArgumentNullException.ThrowIfNull(digest);
        if (digest.IsEmpty)
        {
            return MessageFactory.Text(nothingNewText ?? $"Nothing new in the curated news since {Dates.Short(digest.WindowStart)}.");
        }

        return Channels.IsSlack(channelId) ? Slack(digest) : Card(digest);
    }

    /// <summary>Markdown: heading, then per group its tag and the items as list entries.</summary>
    public static string PlainText(Digest digest)
    {
        ArgumentNullException.ThrowIfNull(digest);
        var text = new StringBuilder().Append("**").Append(Title(digest)).AppendLine("**");
        foreach (var group in digest.Groups)
        {
            text.AppendLine();
            if (group.Tag is not null)
            {
                text.Append("**").Append(group.Tag).AppendLine("**");
            }

            foreach (var item in group.Items)
            {
                text.Append("- [").Append(Markdown(item.Title)).Append("](").Append(item.Url.AbsoluteUri).Append(") (").Append(Byline(item)).Append(')');
                if (item.Summary is not null)
                {
                    text.Append(": ").Append(item.Summary);
                }

                text.AppendLine();
            }
        }

        if (digest.More > 0)
        {
            text.AppendLine().AppendLine(MoreLine(digest));
        }

        return text.ToString().TrimEnd();
    }

    private static IMessageActivity Card(Digest digest)
    {
        var body = new JArray { AdaptiveCards.TextBlock(Title(digest), weight: "Bolder", size: "Medium") };
        foreach (var group in digest.Groups)
        {
            if (group.Tag is not null)
            {
                body.Add(AdaptiveCards.TextBlock(group.Tag, weight: "Bolder", spacing: "Large"));
            }

            foreach (var item in group.Items)
            {
                body.Add(AdaptiveCards.TextBlock($"[{Markdown(item.Title)}]({item.Url.AbsoluteUri})", weight: "Bolder", spacing: "Medium"));
                body.Add(AdaptiveCards.TextBlock(Byline(item), subtle: true, spacing: "None"));
                if (item.Summary is not null)
                {
                    body.Add(AdaptiveCards.TextBlock(item.Summary, spacing: "Small"));
                }
            }
        }

        if (digest.More > 0)
        {
            body.Add(AdaptiveCards.TextBlock(MoreLine(digest), subtle: true, spacing: "Large"));
        }

        var plain = PlainText(digest);
        var reply = MessageFactory.Attachment(AdaptiveCards.Attachment(body, fallbackText: plain));
        reply.Text = plain;
        return reply;
    }

    private static IMessageActivity Slack(Digest digest)
    {
        var blocks = new JArray { SlackMessage.Section($"*{SlackMessage.Escape(Title(digest))}*") };
        var lines = new StringBuilder(SlackMessage.Escape(Title(digest)));
        foreach (var group in digest.Groups)
        {
            if (group.Tag is not null)
            {
                blocks.Add(SlackMessage.Context($"*{SlackMessage.Escape(group.Tag)}*"));
            }

            foreach (var item in group.Items)
            {
                var summary = item.Summary is null ? string.Empty : "\n" + SlackMessage.Escape(item.Summary);
                blocks.Add(SlackMessage.Section($"*{SlackMessage.Link(item.Url, item.Title)}*\n{SlackMessage.Escape(Byline(item))}{summary}"));
                lines.Append("\n• ").Append(SlackMessage.Link(item.Url, item.Title));
            }
        }

        if (digest.More > 0)
        {
            blocks.Add(SlackMessage.Context(SlackMessage.Escape(MoreLine(digest))));
            lines.Append('\n').Append(SlackMessage.Escape(MoreLine(digest)));
        }

        var text = lines.ToString();
        var reply = MessageFactory.Text(text);
        reply.ChannelData = SlackMessage.ChannelData(text, blocks);
        return reply;
    }

    private static string Byline(DigestItem item) =>
        item.Publisher is null ? Dates.Short(item.Published) : $"{item.Publisher} · {Dates.Short(item.Published)}";

    private static string Markdown(string text) => text.Replace("[", "(", StringComparison.Ordinal).Replace("]", ")", StringComparison.Ordinal);
}
