using System.Net;

namespace NewsBot.Security;

/// <summary>What counts as "this machine": loopback addresses, and callers that reached us without a proxy in between.</summary>
internal static class Loopback
{
    /// <summary>
    /// Headers a reverse proxy or tunnel adds. A request carrying one came from elsewhere even though the proxy's own
    /// connection is from loopback, so local-only endpoints refuse it.
    /// </summary>
    private static readonly string[] ForwardingHeaders = ["Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Real-IP"];

    /// <summary>True for <c>localhost</c> and loopback IP literals (127.0.0.0/8, ::1); false for names, which could resolve anywhere.</summary>
    public static bool IsLoopbackHost(string? host)
    {
        if (string.IsNullOrEmpty(host))
        {
            return false;
        }

        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var literal = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return IPAddress.TryParse(literal, out var address) && IPAddress.IsLoopback(address);
    }

    /// <summary>
    /// True when the request came from this machine and not through a proxy. A connection without an IP address is
    /// in-process (the test server) or over a Unix socket, both local.
    /// </summary>
    public static bool IsLocalCaller(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var remote = context.Connection.RemoteIpAddress;
        if (remote is not null && !IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote))
        {
            return false;
        }

        foreach (var header in ForwardingHeaders)
        {
            if (context.Request.Headers.ContainsKey(header))
            {
                return false;
            }
        }

        return true;
    }
}
