namespace NewsBot.Knowledge.Curation;

/// <summary>A draft waiting in <c>knowledge/_drafts/</c>, as far as it can be read (a draft may still lack fields).</summary>
/// <param name="Id">Its path under <c>_drafts/</c> without <c>.md</c> ("2024/phi-2-goes-mit"): what chat buttons name.</param>
/// <param name="Path">The full path of the file.</param>
/// <param name="Paragraphs">The body's paragraphs as plain text, in order.</param>
public sealed record Draft(
    string Id,
    string Path,
    string? Title,
    Uri? Url,
    DateTimeOffset? Published,
    string? Source,
    string? Summary,
    IReadOnlyList<string> Paragraphs,
    int Words);
