namespace NewsBot.Security;

/// <summary>The addresses the host is configured to listen on: <c>urls</c> (<c>--urls</c>, <c>ASPNETCORE_URLS</c>), <c>http_ports</c>/<c>https_ports</c> and <c>Kestrel:Endpoints</c>.</summary>
internal static class BindAddresses
{
    /// <summary>Every configured address whose host is not loopback (<c>*</c>, <c>+</c>, <c>0.0.0.0</c>, <c>[::]</c>, a name, a LAN address).</summary>
    public static IReadOnlyList<string> NonLoopback(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Configured(configuration).Where(url => !Loopback.IsLoopbackHost(Host(url))).ToList();
    }

    private static IEnumerable<string> Configured(IConfiguration configuration)
    {
        foreach (var url in (configuration["urls"] ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            yield return url;
        }

        // HTTP_PORTS and HTTPS_PORTS bind every interface (Kestrel uses them when no urls are given).
        if (string.IsNullOrWhiteSpace(configuration["urls"]))
        {
            foreach (var key in new[] { "http_ports", "https_ports" })
            {
                foreach (var port in (configuration[key] ?? string.Empty).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    yield return $"http://*:{port}";
                }
            }
        }

        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (endpoint["Url"] is { Length: > 0 } url)
            {
                yield return url;
            }
        }
    }

    /// <summary>The host of a Kestrel URL such as <c>http://+:80</c> or <c>https://[::1]:5001/base</c>, which <see cref="Uri"/> cannot always parse.</summary>
    private static string Host(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        var rest = scheme < 0 ? url : url[(scheme + 3)..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var authority = slash < 0 ? rest : rest[..slash];
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            return close < 0 ? authority : authority[..(close + 1)];
        }

        var colon = authority.LastIndexOf(':');
        return colon < 0 ? authority : authority[..colon];
    }
}
