namespace NewsBot.Knowledge.Digests;

/// <summary>
/// The articles the index first saw in a window [<see cref="WindowStart"/>, <see cref="WindowEnd"/>), newest
/// first, grouped by tag when there are many. Holds at most the composer's item limit; <see cref="More"/> counts
/// the rest.
/// </summary>
/// <param name="Total">Articles in the window, shown or not.</param>
/// <param name="More">Articles in the window that the digest does not show.</param>
public sealed record Digest(
    DateTimeOffset WindowStart,
    DateTimeOffset WindowEnd,
    int Total,
    IReadOnlyList<DigestGroup> Groups,
    int More)
{
    /// <summary>True when the window holds no article: such a digest is not posted (unless configured to say so).</summary>
    public bool IsEmpty => Total == 0;

    /// <summary>The shown items in display order.</summary>
    public IEnumerable<DigestItem> Items => Groups.SelectMany(g => g.Items);
}

/// <summary>Items under one tag; <see cref="Tag"/> is null when the digest is not grouped (or for untagged articles).</summary>
public sealed record DigestGroup(string? Tag, IReadOnlyList<DigestItem> Items);

/// <summary>One article of a digest.</summary>
/// <param name="Summary">The article's summary, cut to its first sentence when long; else the first sentence of its body
/// (<see cref="ArticleInfo.Lead"/>); null when the article has neither.</param>
public sealed record DigestItem(
    string Id,
    string Title,
    Uri Url,
    string? Publisher,
    DateTimeOffset Published,
    string? Summary,
    IReadOnlyList<string> Tags,
    DateTimeOffset FirstSeen);
