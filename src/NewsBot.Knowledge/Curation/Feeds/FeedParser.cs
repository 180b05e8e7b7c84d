using System.Globalization;
using System.ServiceModel.Syndication;
using System.Xml;
using NewsBot.Knowledge.Curation.Extraction;
using NewsBot.Knowledge.Curation.Web;

namespace NewsBot.Knowledge.Curation.Feeds;

/// <summary>
/// Reads RSS 2.0 and Atom 1.0 with System.ServiceModel.Syndication. The XML reader takes no DTDs and resolves no
/// external entities; dates that are not RFC 822 (RSS) or RFC 3339 (Atom), common in the wild, are parsed leniently
/// rather than failing the whole feed.
/// </summary>
internal static class FeedParser
{
    public static bool IsFeedType(string mediaType) =>
        mediaType.Contains("xml", StringComparison.Ordinal) || mediaType.Contains("rss", StringComparison.Ordinal)
        || mediaType.Contains("atom", StringComparison.Ordinal) || mediaType is "text/plain" or "";

    public static List<FeedItem> Parse(FetchedResource feed)
    {
        ArgumentNullException.ThrowIfNull(feed);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
        };
        SyndicationFeed parsed;
        try
        {
            using var stream = new MemoryStream(feed.Body, writable: false);
            using var reader = XmlReader.Create(stream, settings);
            var rss = new Rss20FeedFormatter { DateTimeParser = ParseDate };
            var atom = new Atom10FeedFormatter { DateTimeParser = ParseDate };
            if (rss.CanRead(reader))
            {
                rss.ReadFrom(reader);
                parsed = rss.Feed;
            }
            else if (atom.CanRead(reader))
            {
                atom.ReadFrom(reader);
                parsed = atom.Feed;
            }
            else
            {
                throw new FetchException($"{feed.Url.AbsoluteUri} is neither an RSS 2.0 nor an Atom feed");
            }
        }
        catch (XmlException ex)
        {
            throw new FetchException($"{feed.Url.AbsoluteUri} is not a readable feed: {ex.Message}", ex);
        }

        var items = new List<FeedItem>();
        foreach (var item in parsed.Items)
        {
            if (Link(item, feed.Url) is not { } link)
            {
                continue;
            }

            var date = item.PublishDate != default ? item.PublishDate : item.LastUpdatedTime;
            items.Add(new FeedItem(
                link,
                MetadataReader.Clean(item.Title?.Text is { } title ? PlainText(title) : null),
                date == default ? null : PageDate.From(date),
                MetadataReader.Clean(item.Summary?.Text is { } summary ? PlainText(summary) : null)));
        }

        return items;
    }

    /// <summary>The item's page: its alternate link (Atom) or link (RSS), else an id that is an http(s) address.</summary>
    private static Uri? Link(SyndicationItem item, Uri feedUrl)
    {
        var link = item.Links.FirstOrDefault(l => l.RelationshipType is null or "alternate")?.GetAbsoluteUri()
            ?? (Uri.TryCreate(item.Id, UriKind.Absolute, out var id) ? id : null);
        if (link is not null && !link.IsAbsoluteUri)
        {
            link = new Uri(feedUrl, link);
        }

        return link is not null && (link.Scheme == Uri.UriSchemeHttp || link.Scheme == Uri.UriSchemeHttps) ? link : null;
    }

    /// <summary>Titles and summaries are often HTML: their text only.</summary>
    private static string PlainText(string html)
    {
        using var document = HtmlPages.Parse(html);
        return document.Body?.TextContent ?? string.Empty;
    }

    private static bool ParseDate(XmlDateTimeData data, out DateTimeOffset date) =>
        DateTimeOffset.TryParse(data.DateTimeString?.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date)
        || TryRfc822(data.DateTimeString, out date);

    /// <summary>"Sat, 06 Jan 2024 14:30:00 GMT" and its kin with a named zone that .NET does not read.</summary>
    private static bool TryRfc822(string? value, out DateTimeOffset date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        var text = value.Trim();
        var space = text.LastIndexOf(' ');
        if (space > 0 && text[(space + 1)..] is "GMT" or "UT" or "UTC" or "Z" or "EST" or "EDT" or "CST" or "CDT" or "MST" or "MDT" or "PST" or "PDT")
        {
            var offset = text[(space + 1)..] switch
            {
                "EST" or "CDT" => "-05:00",
                "EDT" => "-04:00",
                "CST" or "MDT" => "-06:00",
                "MST" or "PDT" => "-07:00",
                "PST" => "-08:00",
                _ => "+00:00",
            };
            return DateTimeOffset.TryParse(text[..space] + " " + offset, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date);
        }

        return false;
    }
}
