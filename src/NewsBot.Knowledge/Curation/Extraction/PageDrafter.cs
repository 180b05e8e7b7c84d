using System.Globalization;
using NewsBot.Knowledge.Curation.Drafts;
using NewsBot.Knowledge.Curation.Web;

namespace NewsBot.Knowledge.Curation.Extraction;

/// <summary>
/// Turns a web page into draft content: fetch (safely), parse, read the metadata, drop everything that is not
/// reading matter, extract the article's text; and lists what the curator must still check. Writes nothing.
/// </summary>
internal sealed class PageDrafter(PageFetcher fetcher)
{
    /// <summary>Above this many words the draft is flagged as very long.</summary>
    public const int LongBodyWords = 1500;

    /// <summary>Below this many words the draft is flagged as likely a teaser or a page built by scripts.</summary>
    public const int ShortBodyWords = 80;

    public async Task<(DraftContent Content, List<string> Checks)> DraftAsync(Uri url, FeedHints? hints, CancellationToken cancellationToken)
    {
        var page = await fetcher.FetchAsync(url, IsHtml, "an HTML page", cancellationToken).ConfigureAwait(false);
        using var document = HtmlPages.Parse(page);
        var metadata = MetadataReader.Read(document, page.Url);
        PageCleaner.Clean(document);
        var title = metadata.Title ?? hints?.Title;
        var blocks = ReadableText.Extract(document, page.Url, title);

        var checks = new List<string>();
        var address = page.Url;
        if (metadata.Canonical is { } canonical)
        {
            if (SameSite(canonical, page.Url))
            {
                address = canonical;
            }
            else
            {
                checks.Add($"the page names {canonical.AbsoluteUri} on another site as its address; the draft keeps the address it was fetched from");
            }
        }

        var content = new DraftContent(
            title,
            UrlKey.WithoutTracking(address),
            metadata.Published ?? hints?.Published,
            metadata.Updated,
            hints?.Publisher ?? metadata.Publisher,
            hints?.Tags ?? [],
            metadata.Summary ?? hints?.Summary,
            blocks);
        checks.AddRange(Checks(content, metadata));
        return (content, checks);
    }

    private static bool IsHtml(string mediaType) => mediaType is "text/html" or "application/xhtml+xml";

    /// <summary>Same host, ignoring a leading "www.".</summary>
    private static bool SameSite(Uri a, Uri b) =>
        string.Equals(TrimWww(a.IdnHost), TrimWww(b.IdnHost), StringComparison.OrdinalIgnoreCase);

    private static string TrimWww(string host) => host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? host[4..] : host;

    private static IEnumerable<string> Checks(DraftContent content, PageMetadata metadata)
    {
        if (content.Title is null)
        {
            yield return "no title on the page: write the headline in 'title'";
        }

        if (content.Published is null)
        {
            yield return "no publication date on the page: fill in 'published' (YYYY-MM-DD) from the source";
        }

        if (content.Source is null)
        {
            yield return "no publisher on the page: add 'source' if you know it";
        }

        var words = MarkdownText.Words(content.Blocks);
        if (metadata.FreeToRead == false)
        {
            yield return "the page says it is not free to read (isAccessibleForFree: false): the text may be only a teaser; write the facts from the source";
        }
        else if (words < ShortBodyWords)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"the text is short ({words} words): the page may be a paywall teaser or built by scripts; check it against the source");
        }

        if (words > LongBodyWords)
        {
            yield return string.Create(CultureInfo.InvariantCulture, $"the text is very long ({words:N0} words): keep the paragraphs worth quoting");
        }
    }
}
