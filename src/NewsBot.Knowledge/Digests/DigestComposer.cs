using NewsBot.Knowledge.Passages;

namespace NewsBot.Knowledge.Digests;

/// <summary>
/// Composes the digest of a window from the articles the index first saw in it (not their published date: an
/// old story curated today is news to the reader). Newest published first; when more than
/// <see cref="GroupThreshold"/> items are shown they are grouped under their first tag, the group with the
/// newest item first.
/// </summary>
public static class DigestComposer
{
    /// <summary>Items shown at most by default: 10.</summary>
    public const int DefaultMaxItems = 10;

    /// <summary>More shown items than this are grouped by tag: 5.</summary>
    public const int GroupThreshold = 5;

    /// <summary>A summary longer than this (in characters) is cut to its first sentence: 280.</summary>
    public const int LongSummary = 280;

    /// <summary>The digest of [<paramref name="windowStart"/>, <paramref name="windowEnd"/>) from <paramref name="knowledge"/>.</summary>
    public static Digest Compose(IKnowledgeBase knowledge, DateTimeOffset windowStart, DateTimeOffset windowEnd, int maxItems = DefaultMaxItems)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        return Compose(knowledge.ArticlesSeenSince(windowStart, windowEnd), windowStart, windowEnd, maxItems);
    }

    /// <summary>The digest of the given articles, which must be those first seen in the window.</summary>
    public static Digest Compose(IReadOnlyList<ArticleInfo> articles, DateTimeOffset windowStart, DateTimeOffset windowEnd, int maxItems = DefaultMaxItems)
    {
        ArgumentNullException.ThrowIfNull(articles);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxItems);
        if (windowEnd < windowStart)
        {
            throw new ArgumentException($"The window ends ({windowEnd:O}) before it starts ({windowStart:O}).", nameof(windowEnd));
        }

        var shown = articles
            .OrderByDescending(a => a.Published)
            .ThenByDescending(a => a.FirstSeen)
            .ThenBy(a => a.Title, StringComparer.Ordinal)
            .Take(maxItems)
            .Select(ToItem)
            .ToList();

        List<DigestGroup> groups = shown.Count > GroupThreshold
            ? shown
                .GroupBy(i => i.Tags.Count > 0 ? i.Tags[0] : null)
                .Select(g => new DigestGroup(g.Key, g.ToList()))
                .OrderBy(g => g.Tag is null ? 1 : 0)
                .ThenByDescending(g => g.Items[0].Published)
                .ThenBy(g => g.Tag, StringComparer.OrdinalIgnoreCase)
                .ToList()
            : shown.Count == 0 ? [] : [new DigestGroup(null, shown)];

        return new Digest(windowStart, windowEnd, articles.Count, groups, articles.Count - shown.Count);
    }

    private static DigestItem ToItem(ArticleInfo article) =>
        new(article.Id, article.Title, article.Url, article.Source, article.Published, Shown(article.Summary) ?? Shown(article.Lead), article.Tags, article.FirstSeen);

    /// <summary>The text shown under an item: the summary, else the article's lead sentence; cut to its first sentence when long.</summary>
    private static string? Shown(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        if (text.Length <= LongSummary)
        {
            return text;
        }

        var sentences = SentenceSplitter.Split(text);
        return sentences.Count > 0 ? sentences[0].Trim() : text;
    }
}
