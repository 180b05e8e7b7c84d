using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using SmartReader;

namespace NewsBot.Knowledge.Curation.Extraction;

/// <summary>
/// The article's own text: SmartReader (a port of Mozilla's Readability, as in Firefox's reader view) picks the main
/// content out of a cleaned page, and its result is walked into paragraphs, headings and list items. Links keep only
/// their words, tables their cells' words; images, captions, navigation and asides are left out.
/// </summary>
internal static class ReadableText
{
    private static readonly HashSet<string> Headings = ["h1", "h2", "h3", "h4", "h5", "h6"];

    private static readonly HashSet<string> Blocks =
    [
        "address", "article", "blockquote", "body", "dd", "details", "div", "dl", "dt", "fieldset", "hr", "main", "ol",
        "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul",
    ];

    private static readonly HashSet<string> Skipped =
    [
        "aside", "figure", "figcaption", "footer", "nav", "script", "style", "noscript", "template", "iframe", "object",
        "embed", "form", "button", "input", "select", "textarea", "svg", "math", "canvas", "img", "picture", "video", "audio",
    ];

    /// <param name="document">A page already cleaned by <see cref="PageCleaner"/>; the readability pass changes it.</param>
    /// <param name="title">The article's title: a heading that repeats it is left out.</param>
    public static List<MarkdownBlock> Extract(IHtmlDocument document, Uri url, string? title)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(url);

        // Kept for when the readability pass finds no article (a very short page): the page's own article or main element.
        var fallback = document.QuerySelector("article") ?? document.QuerySelector("main") ?? document.Body;
        var fallbackHtml = fallback?.OuterHtml;
        string? content;
        using (var reader = new Reader(url.AbsoluteUri, document) { ContinueIfNotReadable = true, Debug = false })
        {
            var article = reader.GetArticle();
            content = article.Completed && !string.IsNullOrWhiteSpace(article.Content) ? article.Content : null;
        }

        var blocks = Walk(content) ?? [];
        if (blocks.Count == 0 && fallbackHtml is not null)
        {
            blocks = Walk(fallbackHtml) ?? [];
        }

        return blocks.Where(b => !(b.Kind == MarkdownBlockKind.Heading && string.Equals(b.Text, title, StringComparison.OrdinalIgnoreCase))).ToList();
    }

    private static List<MarkdownBlock>? Walk(string? html)
    {
        if (html is null)
        {
            return null;
        }

        using var fragment = HtmlPages.Parse(html);
        var walker = new Walker();
        if (fragment.Body is { } body)
        {
            walker.Visit(body);
        }

        return walker.Finish();
    }

    /// <summary>Collects inline text until a block boundary, then emits it as one block.</summary>
    private sealed class Walker
    {
        private readonly List<MarkdownBlock> _blocks = [];
        private readonly StringBuilder _inline = new();
        private bool _listItem;

        public void Visit(INode node)
        {
            switch (node)
            {
                case IText text:
                    _inline.Append(text.Data);
                    break;
                case IElement element:
                    VisitElement(element);
                    break;
            }
        }

        public List<MarkdownBlock> Finish()
        {
            Flush();
            return _blocks;
        }

        private void VisitElement(IElement element)
        {
            var tag = element.LocalName;
            if (Skipped.Contains(tag))
            {
                return;
            }

            if (tag == "br")
            {
                _inline.Append(' ');
                return;
            }

            if (Headings.Contains(tag))
            {
                Flush();
                Add(MarkdownBlockKind.Heading, element.TextContent);
                return;
            }

            if (tag is "td" or "th")
            {
                _inline.Append(" · ");
                VisitChildren(element);
                return;
            }

            if (tag == "li")
            {
                Flush();
                _listItem = true;
                VisitChildren(element);
                Flush();
                _listItem = false;
                return;
            }

            var isBlock = Blocks.Contains(tag);
            if (isBlock)
            {
                Flush();
            }

            VisitChildren(element);
            if (isBlock)
            {
                Flush();
            }
        }

        private void VisitChildren(IElement element)
        {
            foreach (var child in element.ChildNodes)
            {
                Visit(child);
            }
        }

        private void Flush()
        {
            var kind = _listItem ? MarkdownBlockKind.ListItem : MarkdownBlockKind.Paragraph;
            if (Add(kind, _inline.ToString().Trim().Trim('·').Trim()))
            {
                _listItem = false;
            }

            _inline.Clear();
        }

        private bool Add(MarkdownBlockKind kind, string text)
        {
            var clean = MetadataReader.Clean(text);
            if (clean is null || !clean.Any(char.IsLetterOrDigit))
            {
                return false;
            }

            _blocks.Add(new MarkdownBlock(kind, clean));
            return true;
        }
    }
}
