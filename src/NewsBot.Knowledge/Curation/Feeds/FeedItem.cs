using NewsBot.Knowledge.Curation.Extraction;

namespace NewsBot.Knowledge.Curation.Feeds;

/// <summary>A story a feed lists: the page to draft from, and what the feed says of it (used where the page is silent).</summary>
internal sealed record FeedItem(Uri Link, string? Title, PageDate? Published, string? Summary);
