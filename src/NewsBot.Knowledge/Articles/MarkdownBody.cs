using System.Text;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace NewsBot.Knowledge.Articles;

/// <summary>Turns a Markdown body into plain-text paragraphs with their headings, using Markdig's parser.</summary>
internal static class MarkdownBody
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().Build();

    /// <param name="firstLine">1-based file line where the body starts.</param>
    public static List<ArticleBlock> Paragraphs(string body, int firstLine)
    {
        var document = Markdown.Parse(body, Pipeline);
        var blocks = new List<ArticleBlock>();
        string? heading = null;
        foreach (var block in document.Descendants<LeafBlock>())
        {
            switch (block)
            {
                case HeadingBlock h:
                    heading = Normalise(InlineText(h.Inline));
                    break;
                case ParagraphBlock p:
                    var text = Normalise(InlineText(p.Inline));
                    if (text.Length > 0)
                    {
                        blocks.Add(new ArticleBlock(string.IsNullOrEmpty(heading) ? null : heading, text, firstLine + p.Line));
                    }

                    break;
            }
        }

        return blocks;
    }

    private static string InlineText(ContainerInline? container)
    {
        var builder = new StringBuilder();
        Append(container, builder);
        return builder.ToString();
    }

    private static void Append(Inline? inline, StringBuilder builder)
    {
        switch (inline)
        {
            case null:
                return;
            case LiteralInline literal:
                builder.Append(literal.Content.AsSpan());
                break;
            case CodeInline code:
                builder.Append(code.Content);
                break;
            case LineBreakInline:
                builder.Append(' ');
                break;
            case HtmlEntityInline entity:
                builder.Append(entity.Transcoded.AsSpan());
                break;
            case AutolinkInline autolink:
                builder.Append(autolink.Url);
                break;
            case ContainerInline container:
                foreach (var child in container)
                {
                    Append(child, builder);
                }

                break;
        }
    }

    private static string Normalise(string text) =>
        string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
