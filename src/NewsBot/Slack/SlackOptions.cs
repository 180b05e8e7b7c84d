namespace NewsBot.Slack;

/// <summary>
/// The "Slack" section: the app's signing secret and bot token. Slack is off (its endpoints answer 404) until
/// both are set, so a host without Slack needs no configuration.
/// </summary>
public sealed class SlackOptions
{
    public const string SectionName = "Slack";

    /// <summary>Basic Information → App Credentials → Signing Secret: verifies every request Slack sends.</summary>
    public string? SigningSecret { get; set; }

    /// <summary>OAuth &amp; Permissions → Bot User OAuth Token (<c>xoxb-…</c>): authorises <c>chat.postMessage</c>.</summary>
    public string? BotToken { get; set; }

    /// <summary>The Slack Web API's base address; default <c>https://slack.com/api/</c>. Must end with a slash.</summary>
    public Uri ApiBaseUrl { get; set; } = new("https://slack.com/api/");

    /// <summary>How far a request's timestamp may be from now before it is rejected as a replay; default 5 minutes.</summary>
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How long an event id is remembered so that Slack's retries of it are ignored; default 1 hour.</summary>
    public TimeSpan EventMemory { get; set; } = TimeSpan.FromHours(1);

    public bool IsEnabled => !string.IsNullOrWhiteSpace(SigningSecret) && !string.IsNullOrWhiteSpace(BotToken);
}
