namespace NewsBot.Knowledge.Curation.Web;

/// <summary>How far NewsBot goes to fetch a page or a feed for a draft. The defaults suit news sites on the public web.</summary>
public sealed record FetchLimits
{
    /// <summary>The whole fetch (every redirect, the body) must finish within this. Default 10 s.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest body read, in bytes, after decompression; a larger page is refused. Default 5 MiB.</summary>
    public long MaxBytes { get; init; } = 5 * 1024 * 1024;

    /// <summary>Redirects followed at most. Default 5.</summary>
    public int MaxRedirects { get; init; } = 5;

    /// <summary>
    /// False (the default) refuses hosts that resolve to loopback, private, link-local and other non-public addresses,
    /// so that a pasted URL cannot make the bot read the network it runs in. True only for tests on 127.0.0.1.
    /// </summary>
    public bool AllowPrivateHosts { get; init; }
}
