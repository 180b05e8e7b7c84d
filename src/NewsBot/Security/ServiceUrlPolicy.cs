using Microsoft.Extensions.Options;
using NewsBot.Bot;

namespace NewsBot.Security;

/// <summary>
/// Where replies and digests may be sent (an activity's <c>serviceUrl</c>): only to addresses the channel vouched for.
/// Loopback always (the local chat's connector, the Bot Framework Emulator); with an app id, the address a request's
/// token vouches for (the SDK checks the token's <c>serviceurl</c> claim) and, for stored digest subscriptions, Bot
/// Framework's own hosts over https; and whatever <see cref="BotOptions.AllowedServiceUrls"/> adds.
/// </summary>
internal sealed class ServiceUrlPolicy
{
    /// <summary>Hosts of Bot Framework channels (Teams, Web Chat, Direct Line, Slack via Azure, government clouds). Exact, or a suffix after a dot.</summary>
    private static readonly string[] BotFrameworkHosts =
    [
        "smba.trafficmanager.net",
        "botframework.com",
        "botframework.azure.us",
        "botframework.azure.cn",
        "teams.microsoft.com",
        "teams.microsoft.us",
    ];

    private readonly BotModeKind _mode;
    private readonly List<Uri> _allowed;

    public ServiceUrlPolicy(IOptions<BotOptions> options, BotMode mode)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(mode);
        _mode = mode.Kind;
        _allowed = options.Value.AllowedServiceUrls.Select(url => new Uri(url, UriKind.Absolute)).ToList();
    }

    /// <summary>True for an absolute http or https URL with a host: anything else is not a service URL at all.</summary>
    public static bool IsWellFormed(string? serviceUrl, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? url) =>
        Uri.TryCreate(serviceUrl, UriKind.Absolute, out url)
        && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(url.Host)
        && string.IsNullOrEmpty(url.UserInfo);

    /// <param name="vouchedByToken">True when a Bot Framework token checked by the SDK vouched for this URL in this very request.</param>
    public bool IsAllowed(string? serviceUrl, bool vouchedByToken)
    {
        if (!IsWellFormed(serviceUrl, out var url))
        {
            return false;
        }

        if (Loopback.IsLoopbackHost(url.Host) || _allowed.Exists(prefix => IsUnder(url, prefix)))
        {
            return true;
        }

        return _mode == BotModeKind.Authenticated
            && (vouchedByToken || (url.Scheme == Uri.UriSchemeHttps && Array.Exists(BotFrameworkHosts, host => IsHostOrSubdomain(url.Host, host))));
    }

    private static bool IsUnder(Uri url, Uri prefix) =>
        string.Equals(url.Scheme, prefix.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(url.Host, prefix.Host, StringComparison.OrdinalIgnoreCase)
        && url.Port == prefix.Port
        && url.AbsolutePath.StartsWith(prefix.AbsolutePath, StringComparison.Ordinal);

    private static bool IsHostOrSubdomain(string host, string domain) =>
        string.Equals(host, domain, StringComparison.OrdinalIgnoreCase) || host.EndsWith("." + domain, StringComparison.OrdinalIgnoreCase);
}
