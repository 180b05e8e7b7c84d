using System.ComponentModel.DataAnnotations;

namespace NewsBot.LocalChat;

/// <summary>
/// Section "LocalChat": local mode (no MicrosoftAppId) and the limits of the in-memory Direct Line emulation behind
/// the local chat page.
/// </summary>
public sealed class LocalChatOptions
{
    public const string SectionName = "LocalChat";

    /// <summary>
    /// Local mode when no MicrosoftAppId is set: the chat page, the Direct Line emulation and an unauthenticated
    /// <c>/api/messages</c>, for callers on this machine. False turns all of them off (direct Slack needs none of
    /// them), and the bot may then listen on any address. Default true.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Lets local mode listen on a non-loopback address, so that other machines can open the chat page. Even then
    /// <c>/api/messages</c> and the local connector answer callers on this machine only. Default false: a
    /// non-loopback <c>--urls</c> in local mode refuses to start.
    /// </summary>
    public bool AllowRemote { get; set; }

    /// <summary>Conversations kept at once; starting one more evicts the least recently active. Default 1000.</summary>
    [Range(1, 100_000)]
    public int MaxConversations { get; set; } = 1000;

    /// <summary>Activities kept per conversation; older ones are dropped (clients have polled them by then). Default 500.</summary>
    [Range(10, 10_000)]
    public int MaxActivitiesPerConversation { get; set; } = 500;

    /// <summary>A conversation nobody has used for this long is forgotten. Default 1 hour.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan IdleExpiry { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How long a Direct Line token is valid (its <c>expires_in</c>); Web Chat refreshes it before then. Default 30 min.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00")]
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Largest activity accepted from the page or the bot, in bytes. Default 256 KiB, as Direct Line.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// New conversations (token generations and token-less starts) allowed per <see cref="RateLimitWindow"/>, across
    /// all callers; more get 429, so nobody can evict everyone else's conversations. Default 30.
    /// </summary>
    [Range(1, 100_000)]
    public int NewConversationsPerWindow { get; set; } = 30;

    /// <summary>Activities one conversation may post per <see cref="RateLimitWindow"/>; more get 429. Default 60.</summary>
    [Range(1, 100_000)]
    public int ActivitiesPerWindow { get; set; } = 60;

    /// <summary>The window of both rate limits (a token bucket refilled this often). Default 1 minute.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan RateLimitWindow { get; set; } = TimeSpan.FromMinutes(1);
}
