namespace NewsBot.Knowledge.Curation.Extraction;

/// <summary>What a page says about itself in its metadata, each value from the most reliable place that has it.</summary>
/// <param name="Canonical">The page's own canonical address (absolute http/https), if it names one.</param>
/// <param name="FreeToRead">JSON-LD's <c>isAccessibleForFree</c>; false marks a paywalled page.</param>
internal sealed record PageMetadata(
    string? Title,
    Uri? Canonical,
    PageDate? Published,
    PageDate? Updated,
    string? Publisher,
    string? Summary,
    bool? FreeToRead);
