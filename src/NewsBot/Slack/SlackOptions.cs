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

    /// <summary>Largest request body read from Slack, in bytes; a larger one gets 413. Slack's payloads are a few kilobytes. Default 256 KiB.</summary>
    public int MaxRequestBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Questions a replica holds waiting for (or being given) an answer, in the database's reply queue. When full, Slack's
    /// event gets 503 and its event id is not remembered, so Slack's retry is answered. Default 1000.
    /// </summary>
    public int QueueCapacity { get; set; } = 1000;

    /// <summary>Answers worked on and posted at once, so a slow Slack API does not hold up the queue. Default 4.</summary>
    public int MaxConcurrentReplies { get; set; } = 4;

    /// <summary>
    /// How long a replica holds a question it accepted or started answering. A replica that dies leaves its questions to
    /// the others once this has passed, so it bounds how late they are answered; it must be longer than an answer and
    /// its post can take (with Slack's retries up to <see cref="MaxRetryDelay"/> each), or another replica may post the
    /// same answer. Default 2 min.
    /// </summary>
    public TimeSpan ReplyLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often a replica looks for questions nobody holds (a dead replica's, or ones to try again). Default 10 s.</summary>
    public TimeSpan ReplySweepInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Times a question is worked on before it is given up (logged): a failed post (Slack unreachable, 5xx after
    /// <see cref="PostAttempts"/> tries) or a replica dying while answering counts one. Default 3.
    /// </summary>
    public int ReplyAttempts { get; set; } = 3;

    /// <summary>Tries of one <c>chat.postMessage</c> when Slack answers 429, 5xx or a transient error. Default 4.</summary>
    public int PostAttempts { get; set; } = 4;

    /// <summary>First wait before a retry, doubled each time; a longer <c>Retry-After</c> wins. Default 1 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait before a retry, also for a longer <c>Retry-After</c>. Default 30 s.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsEnabled => !string.IsNullOrWhiteSpace(SigningSecret) && !string.IsNullOrWhiteSpace(BotToken);
}
