using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace NewsBot.Knowledge.Curation.Extraction;

/// <summary>
/// Reads a page's metadata from its DOM: JSON-LD first (publishers fill it in for search engines, so it is the most
/// careful), then OpenGraph and <c>article:*</c> meta tags, then the first <c>&lt;time datetime&gt;</c>, the
/// article's <c>&lt;h1&gt;</c> and the <c>&lt;title&gt;</c>. Every value is plain text with white space collapsed: nothing in it is markup.
/// </summary>
internal static class MetadataReader
{
    private static readonly string[] PublishedKeys = ["article:published_time", "og:published_time", "datepublished", "date", "pubdate", "publishdate", "dc.date", "dcterms.created"];
    private static readonly string[] UpdatedKeys = ["article:modified_time", "og:updated_time", "datemodified", "dcterms.modified"];

    public static PageMetadata Read(IHtmlDocument document, Uri pageUrl)
    {
        ArgumentNullException.ThrowIfNull(document);
        var meta = MetaTags(document);
        var jsonLd = JsonLdArticle.Find(document.QuerySelectorAll("script[type='application/ld+json']").Select(s => s.TextContent));

        var title = Clean(jsonLd?.Headline) ?? Meta(meta, "og:title") ?? Meta(meta, "twitter:title")
            ?? Clean(document.QuerySelector("article h1")?.TextContent) ?? Clean(document.Title) ?? Clean(document.QuerySelector("h1")?.TextContent);
        var published = PageDate.Parse(jsonLd?.DatePublished) ?? FirstDate(meta, PublishedKeys) ?? TimeElement(document);
        var updated = PageDate.Parse(jsonLd?.DateModified) ?? FirstDate(meta, UpdatedKeys);
        var publisher = Clean(jsonLd?.Publisher) ?? Meta(meta, "og:site_name") ?? Meta(meta, "application-name");
        var summary = Clean(jsonLd?.Description) ?? Meta(meta, "og:description") ?? Meta(meta, "description") ?? Meta(meta, "twitter:description");
        var canonical = Absolute(pageUrl, document.QuerySelector("link[rel~='canonical']")?.GetAttribute("href"))
            ?? Absolute(pageUrl, Meta(meta, "og:url"))
            ?? Absolute(pageUrl, jsonLd?.Url);
        return new PageMetadata(StripPublisher(title, publisher), canonical, published, updated, publisher, summary, jsonLd?.FreeToRead);
    }

    /// <summary>Plain text: white space (new lines included) collapsed, control characters dropped; null when nothing is left.</summary>
    public static string? Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        var joined = string.Join(' ', words.Select(w => new string(w.Where(c => !char.IsControl(c)).ToArray())).Where(w => w.Length > 0));
        return joined.Length == 0 ? null : joined;
    }

    /// <summary>meta tags by property, name or itemprop (lower case); the first of each wins.</summary>
    private static Dictionary<string, string> MetaTags(IHtmlDocument document)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in document.QuerySelectorAll("meta[content]"))
        {
            var key = element.GetAttribute("property") ?? element.GetAttribute("name") ?? element.GetAttribute("itemprop");
            if (key is not null && element.GetAttribute("content") is { } content)
            {
                tags.TryAdd(key.Trim().ToLowerInvariant(), content);
            }
        }

        return tags;
    }

    private static string? Meta(Dictionary<string, string> meta, string key) =>
        meta.TryGetValue(key, out var value) ? Clean(value) : null;

    private static PageDate? FirstDate(Dictionary<string, string> meta, string[] keys) =>
        keys.Select(key => meta.TryGetValue(key, out var value) ? PageDate.Parse(value) : null).FirstOrDefault(date => date is not null);

    /// <summary>The first <c>&lt;time datetime&gt;</c> of the article, else of the page.</summary>
    private static PageDate? TimeElement(IHtmlDocument document)
    {
        var time = document.QuerySelector("article time[datetime]") ?? document.QuerySelector("time[datetime]");
        return PageDate.Parse(time?.GetAttribute("datetime"));
    }

    private static Uri? Absolute(Uri pageUrl, string? href)
    {
        if (string.IsNullOrWhiteSpace(href) || !Uri.TryCreate(pageUrl, href.Trim(), out var url))
        {
            return null;
        }

        return url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps ? url : null;
    }

    /// <summary>"Phi-2 goes MIT | The Example Times" is "Phi-2 goes MIT" when the publisher is The Example Times.</summary>
    private static string? StripPublisher(string? title, string? publisher)
    {
        if (title is null || publisher is null)
        {
            return title;
        }

        foreach (var separator in new[] { " | ", " - ", " – ", " — ", " · " })
        {
            var suffix = separator + publisher;
            if (title.Length > suffix.Length && title.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return title[..^suffix.Length].TrimEnd();
            }
        }

        return title;
    }
}
