using System.Text;
using AngleSharp;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using NewsBot.Knowledge.Curation.Web;

namespace NewsBot.Knowledge.Curation.Extraction;

/// <summary>
/// Parses fetched HTML with AngleSharp, scripting off. The charset comes from the HTTP header when the server named
/// one, else AngleSharp finds it as browsers do (a byte order mark, then <c>&lt;meta charset&gt;</c>), else UTF-8.
/// </summary>
internal static class HtmlPages
{
    static HtmlPages()
    {
        // windows-1252, ISO-8859-x, Shift_JIS and the other legacy charsets pages still declare.
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
    }

    public static IHtmlDocument Parse(FetchedResource page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var parser = Parser();
        if (page.Charset is { } charset && Decode(page.Body, charset) is { } text)
        {
            return parser.ParseDocument(text);
        }

        using var stream = new MemoryStream(page.Body, writable: false);
        return parser.ParseDocument(stream);
    }

    /// <summary>An HTML fragment (a feed item's summary, SmartReader's article) as a document of its own.</summary>
    public static IHtmlDocument Parse(string html) => Parser().ParseDocument(html);

    private static HtmlParser Parser() =>
        new(new HtmlParserOptions { IsScripting = false }, BrowsingContext.New(Configuration.Default));

    private static string? Decode(byte[] body, string charset)
    {
        try
        {
            return Encoding.GetEncoding(charset).GetString(body);
        }
        catch (ArgumentException)
        {
            // An unknown charset name: let the page's own declaration decide.
            return null;
        }
    }
}
