using System.ComponentModel.DataAnnotations;

namespace NewsBot.LocalChat;

/// <summary>Section "LocalChat": limits of the in-memory Direct Line emulation behind the local chat page.</summary>
public sealed class LocalChatOptions
{
    public const string SectionName = "LocalChat";

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
}
