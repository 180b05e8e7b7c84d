using System.Text;
using System.Text.RegularExpressions;

namespace NewsBot.Knowledge.Curation.Extraction;

/// <summary>
/// Writes blocks of page text as Markdown that reads back as the same text: paragraphs, <c>##</c> headings and
/// <c>-</c> list items, with every character that Markdown would take as markup (emphasis, links, inline HTML,
/// entities, a heading or list marker at the start) escaped. A page's text can never become markup in a draft.
/// </summary>
internal static partial class MarkdownText
{
    public static string Render(IReadOnlyList<MarkdownBlock> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var text = new StringBuilder();
        for (var i = 0; i < blocks.Count; i++)
        {
            var block = blocks[i];
            if (i > 0)
            {
                // List items follow each other; every other block is set apart by a blank line.
                text.Append(block.Kind == MarkdownBlockKind.ListItem && blocks[i - 1].Kind == MarkdownBlockKind.ListItem ? "\n" : "\n\n");
            }

            text.Append(block.Kind switch
            {
                MarkdownBlockKind.Heading => "## " + Escape(block.Text),
                MarkdownBlockKind.ListItem => "- " + Escape(block.Text),
                _ => Escape(block.Text),
            });
        }

        return text.ToString();
    }

    /// <summary>One line of text, escaped so that Markdown reads it literally.</summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 8);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' || (c == '&' && Entity().IsMatch(text.AsSpan(i))))
            {
                escaped.Append('\\');
            }

            escaped.Append(c);
        }

        var line = escaped.ToString();
        if (line.Length > 0 && line[0] is '#' or '-' or '+' or '=' or '~' or '|')
        {
            return "\\" + line;
        }

        // "2024. A year of models" would start an ordered list.
        var number = OrderedListMarker().Match(line);
        return number.Success ? line.Insert(number.Length - 1, "\\") : line;
    }

    public static int Words(IEnumerable<MarkdownBlock> blocks) =>
        blocks.Sum(b => b.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length);

    [GeneratedRegex(@"^&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")]
    private static partial Regex Entity();

    [GeneratedRegex(@"^[0-9]{1,9}[.)]")]
    private static partial Regex OrderedListMarker();
}
