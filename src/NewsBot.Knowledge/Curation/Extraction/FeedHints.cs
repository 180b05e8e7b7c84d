namespace NewsBot.Knowledge.Curation.Extraction;

/// <summary>What a feed said about a story and what its entry in <c>_feeds.yml</c> adds, for the page's draft.</summary>
/// <param name="Publisher">From <c>_feeds.yml</c>: wins over the page's own publisher.</param>
internal sealed record FeedHints(string? Title, PageDate? Published, string? Summary, string? Publisher, IReadOnlyList<string> Tags);
