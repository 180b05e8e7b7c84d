namespace NewsBot.Knowledge;

/// <summary>What the index knows of an article, without its body.</summary>
/// <param name="FirstSeen">When the index first saw this article's url: what digests count as "new".</param>
/// <param name="Lead">The first sentence of the article's body (cut when very long); null when the body is empty.</param>
public sealed record ArticleInfo(
    string Id,
    string RelativePath,
    string Title,
    Uri Url,
    DateTimeOffset Published,
    DateTimeOffset? Updated,
    string? Source,
    IReadOnlyList<string> Tags,
    string? Summary,
    DateTimeOffset FirstSeen,
    int PassageCount,
    string? Lead = null);
