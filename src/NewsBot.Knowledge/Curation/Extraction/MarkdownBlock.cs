namespace NewsBot.Knowledge.Curation.Extraction;

internal enum MarkdownBlockKind
{
    Paragraph,
    Heading,
    ListItem,
}

/// <summary>One block of a draft's body, as plain text (escaped only when written).</summary>
internal sealed record MarkdownBlock(MarkdownBlockKind Kind, string Text);
