using Connector = Microsoft.Bot.Connector.Channels;

namespace NewsBot.Bot;

/// <summary>What the bot needs to know about the channel a message came through.</summary>
public static class Channels
{
    public static bool IsTeams(string? channelId) => channelId == Connector.Msteams;

    /// <summary>
    /// The channel id of Slack reached directly (Events API and <c>chat.postMessage</c>, no Azure): stored with the
    /// digest subscriptions of Slack channels and DMs, whose conversation id is the Slack channel id.
    /// </summary>
    public const string SlackDirect = "slack-direct";

    /// <summary>Slack through Azure Bot Service's Slack channel, or directly: both get Block Kit.</summary>
    public static bool IsSlack(string? channelId) => channelId is Connector.Slack or SlackDirect;

    /// <summary>Chat pages (Web Chat, the local page, the Emulator) where the user, not the bot, joins the conversation.</summary>
    public static bool ShowsWelcomeToUsers(string? channelId) =>
        channelId is Connector.Webchat or Connector.Directline or Connector.Emulator or Connector.Test;

    /// <summary>Teams' conversation type ("personal", "channel", "groupChat"), or the channel's id elsewhere. Never a user name.</summary>
    public static string ConversationType(Microsoft.Bot.Schema.IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return activity.Conversation?.ConversationType is { Length: > 0 } type ? type : activity.ChannelId ?? "unknown";
    }
}
