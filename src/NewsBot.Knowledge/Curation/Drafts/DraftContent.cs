using NewsBot.Knowledge.Curation.Extraction;

namespace NewsBot.Knowledge.Curation.Drafts;

/// <summary>What a draft is made of, before it is written: the page's metadata, the curator's feed settings and the text.</summary>
internal sealed record DraftContent(
    string? Title,
    Uri Url,
    PageDate? Published,
    PageDate? Updated,
    string? Source,
    IReadOnlyList<string> Tags,
    string? Summary,
    IReadOnlyList<MarkdownBlock> Blocks);
