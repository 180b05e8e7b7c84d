using System.Globalization;
using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using NewsBot.Bot.Replies;
using NewsBot.Knowledge.Digests;

namespace NewsBot.Digests;

/// <summary>
/// A digest's words (title, "and N more" line, the list command) and its Markdown text; the message for a channel is
/// drawn by that channel's <see cref="IReplyRenderer"/>.
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

        return ReplyRenderers.For(channelId).Digest(digest);
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
                text.Append("- ").Append(MarkdownText.Link(item.Title, item.Url)).Append(" (").Append(Byline.Of(item.Publisher, item.Published)).Append(')');
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
}
