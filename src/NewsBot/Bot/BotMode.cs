namespace NewsBot.Bot;

/// <summary>
/// Local mode: no <c>MicrosoftAppId</c> is configured, so requests to /api/messages are not authenticated and
/// the local chat page is served. With an app id, the SDK checks every request's Bot Framework token.
/// </summary>
public static class BotMode
{
    public const string AppIdKey = "MicrosoftAppId";

    public static bool IsLocal(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return string.IsNullOrWhiteSpace(configuration[AppIdKey]);
    }
}
