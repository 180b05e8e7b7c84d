using System.ComponentModel.DataAnnotations;

namespace NewsBot.Bot;

/// <summary>Section "Bot": limits of <c>/api/messages</c> and where the bot may send replies and digests.</summary>
public sealed class BotOptions
{
    public const string SectionName = "Bot";

    /// <summary>
    /// Largest request body <c>/api/messages</c> reads, in bytes; a larger one gets 413 before it is read further.
    /// Bot Framework activities are a few kilobytes. Default 256 KiB.
    /// </summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxActivityBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// Service URLs (absolute http or https prefixes, e.g. <c>https://bots.contoso.com/connector/</c>) the bot may
    /// send to besides the built-in ones: in local mode only loopback addresses are built in; with an app id, the
    /// address each request's token vouches for, and Bot Framework's own hosts for stored digest subscriptions.
    /// Default none.
    /// </summary>
    public IList<string> AllowedServiceUrls { get; init; } = [];
}
