using System.Text.RegularExpressions;
using Microsoft.Bot.Schema;

namespace NewsBot.Bot;

/// <summary>Reads the question out of a message: the bot's @mention removed, white space tidied.</summary>
public static partial class MessageText
{
    /// <summary>
    /// In Teams channels and group chats the bot answers only when @mentioned; in personal chats and on
    /// other channels every message is for the bot.
    /// </summary>
    public static bool IsAddressedToBot(IMessageActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        if (!Channels.IsTeams(activity.ChannelId) || activity.Conversation?.ConversationType is null or "personal")
        {
            return true;
        }

        return activity.GetMentions().Any(m => m.Mentioned?.Id == activity.Recipient?.Id);
    }

    public static string Question(IMessageActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var text = activity is Activity full ? full.RemoveRecipientMention() ?? string.Empty : activity.Text ?? string.Empty;

        // Teams wraps mentions in <at>…</at>; a mention of the bot left in the text is not part of the question.
        text = AtTag().Replace(text, " ");
        return string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    [GeneratedRegex("<at>[^<]*</at>", RegexOptions.IgnoreCase)]
    private static partial Regex AtTag();
}
