namespace NewsBot.Knowledge.Curation.Feeds;

/// <summary>One feed of <c>_feeds.yml</c>: its address, and what every draft from it gets.</summary>
/// <param name="Publisher">The <c>source</c> of its drafts, over what the pages say; null to take the page's.</param>
/// <param name="Tags">The <c>tags</c> of its drafts.</param>
public sealed record FeedSource(Uri Url, string? Publisher, IReadOnlyList<string> Tags);
