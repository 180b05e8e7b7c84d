using System.Text;

namespace NewsBot.Knowledge.Curation.Drafts;

/// <summary>
/// Addresses as curators mean them: the same story whether linked with or without tracking parameters
/// (<c>utm_*</c>, <c>fbclid</c>, ...), a fragment, a trailing slash, or over http instead of https.
/// </summary>
internal static class UrlKey
{
    private static readonly string[] TrackingPrefixes = ["utm_", "mc_", "pk_", "mtm_"];

    private static readonly HashSet<string> TrackingNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "igshid", "mkt_tok", "ref_src", "cmpid", "ncid", "_hsenc", "_hsmi", "oly_anon_id", "oly_enc_id", "vero_id",
    };

    /// <summary>The address with tracking parameters and the fragment removed: what a draft's <c>url</c> keeps.</summary>
    public static Uri WithoutTracking(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var kept = url.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(pair => !IsTracking(pair.Split('=', 2)[0]))
            .ToList();
        var builder = new UriBuilder(url) { Fragment = string.Empty, Query = string.Join('&', kept) };
        return builder.Uri;
    }

    /// <summary>The comparison key: no tracking, no fragment, no scheme, no "www.", no trailing slash.</summary>
    public static string Of(Uri url)
    {
        var clean = WithoutTracking(url);
        var host = clean.IdnHost.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? clean.IdnHost[4..] : clean.IdnHost;
        var path = clean.AbsolutePath.Length > 1 ? clean.AbsolutePath.TrimEnd('/') : string.Empty;
        var key = new StringBuilder(host.ToLowerInvariant());
        if (!clean.IsDefaultPort)
        {
            key.Append(':').Append(clean.Port);
        }

        return key.Append(path).Append(clean.Query).ToString();
    }

    private static bool IsTracking(string name) =>
        TrackingNames.Contains(name) || TrackingPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
}
