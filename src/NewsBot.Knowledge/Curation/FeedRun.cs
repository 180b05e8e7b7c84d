namespace NewsBot.Knowledge.Curation;

/// <summary>One pass over <c>_feeds.yml</c>: a report per feed.</summary>
public sealed record FeedRun(IReadOnlyList<FeedReport> Feeds)
{
    /// <summary>Drafts written in this pass.</summary>
    public int Drafted => Feeds.Sum(f => f.Added.Count(a => a.Status is AddStatus.Drafted));

    public bool AnyFailed => Feeds.Any(f => f.Error is not null || f.Added.Any(a => a.Status == AddStatus.Failed));
}

/// <summary>What one feed gave.</summary>
/// <param name="Items">Stories the feed lists.</param>
/// <param name="Known">Of those, already in the collection or drafted: skipped.</param>
/// <param name="Added">Every story tried this time: drafted, or failed with its reason.</param>
/// <param name="Error">Why the feed itself could not be read, or null.</param>
/// <param name="Deferred">New stories left for the next pass, beyond the limit of drafts per feed and pass.</param>
public sealed record FeedReport(Uri Url, int Items, int Known, IReadOnlyList<AddResult> Added, string? Error, int Deferred = 0);
