using NewsBot.LocalChat;

namespace NewsBot.Bot;

/// <summary>How <c>/api/messages</c> is served, decided once from the settings.</summary>
public enum BotModeKind
{
    /// <summary><c>MicrosoftAppId</c> is set: every request needs a valid Bot Framework token.</summary>
    Authenticated,

    /// <summary>
    /// No app id and <c>LocalChat:Enabled</c> (the default): unauthenticated, for trying the bot on this machine. Only
    /// loopback callers are served, replies go only to loopback service URLs, and the host binds loopback only.
    /// </summary>
    Local,

    /// <summary>No app id and <c>LocalChat:Enabled=false</c>: no Bot Framework at all (direct Slack needs none).</summary>
    Off,
}

/// <summary>
/// Local mode: no <c>MicrosoftAppId</c> is configured, so requests to /api/messages are not authenticated and
/// the local chat page is served, to callers on this machine only. With an app id, the SDK checks every request's
/// Bot Framework token. With neither (<c>LocalChat:Enabled=false</c>) /api/messages and the local chat are off.
/// Registered once by <see cref="Configuration.NewsBotSettings"/>.
/// </summary>
/// <param name="AppId">The app id replies and digests are sent as; empty unless <see cref="BotModeKind.Authenticated"/>.</param>
public sealed record BotMode(BotModeKind Kind, string AppId)
{
    public const string AppIdKey = "MicrosoftAppId";

    public bool IsLocal => Kind == BotModeKind.Local;

    public static BotMode Of(BotIdentityOptions identity, LocalChatOptions localChat)
    {
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(localChat);
        if (!string.IsNullOrWhiteSpace(identity.MicrosoftAppId))
        {
            return new BotMode(BotModeKind.Authenticated, identity.MicrosoftAppId);
        }

        return new BotMode(localChat.Enabled ? BotModeKind.Local : BotModeKind.Off, string.Empty);
    }
}
