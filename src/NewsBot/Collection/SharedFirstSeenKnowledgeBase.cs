using System.Collections.Concurrent;
using System.Data.Common;
using NewsBot.Knowledge;
using NewsBot.Knowledge.Answers;
using NewsBot.Knowledge.Articles;

namespace NewsBot.Collection;

/// <summary>
/// The knowledge base with first-seen times shared by every replica (<see cref="IArticleSightings"/>): after each
/// sync, the articles this replica has not shared yet are recorded with the time its index first saw them, and the
/// time kept in the database (its own, or an earlier replica's) is what <see cref="ArticlesSeenSince"/> reports. So a
/// replica started on an empty data folder does not count the whole collection as new, and every replica puts an
/// article in the same digest window. An article the database could not be asked about keeps this replica's time
/// until the next sync shares it. Everything else passes through.
/// </summary>
internal sealed partial class SharedFirstSeenKnowledgeBase(IKnowledgeBase inner, IArticleSightings sightings, ILogger<SharedFirstSeenKnowledgeBase> logger) : IKnowledgeBase
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _shared = new(StringComparer.Ordinal);
    private readonly Lock _shareLock = new();
    private volatile ArticleInfo[]? _byFirstSeen;
    private volatile bool _unshared;

    public KnowledgeStats Stats => inner.Stats;

    public SyncReport Sync(CancellationToken cancellationToken = default) => Shared(inner.Sync(cancellationToken));

    public SyncReport Sync(IReadOnlyCollection<string> changedPaths, CancellationToken cancellationToken = default) =>
        Shared(inner.Sync(changedPaths, cancellationToken));

    /// <summary>The articles whose shared first-seen time is in [<paramref name="since"/>, <paramref name="until"/>), newest published first.</summary>
    public IReadOnlyList<ArticleInfo> ArticlesSeenSince(DateTimeOffset since, DateTimeOffset? until = null)
    {
        var articles = _byFirstSeen ?? Share();
        var from = FirstAtOrAfter(articles, since);
        var to = until is { } end ? FirstAtOrAfter(articles, end) : articles.Length;
        return articles[from..Math.Max(from, to)]
            .OrderByDescending(a => a.Published)
            .ThenBy(a => a.Title, StringComparer.Ordinal)
            .ToList();
    }

    public Answer Ask(string question, AskOptions? options = null) => inner.Ask(question, options);

    public IReadOnlyList<ArticleProblem> Validate() => inner.Validate();

    public IReadOnlyList<ArticleInfo> Latest(int count) => inner.Latest(count);

    public Task WhenVectorsReadyAsync(CancellationToken cancellationToken = default) => inner.WhenVectorsReadyAsync(cancellationToken);

    public void Dispose() => inner.Dispose();

    /// <summary>After a sync: shares what it added, unless it changed nothing and nothing is waiting to be shared (the periodic rescan).</summary>
    private SyncReport Shared(SyncReport report)
    {
        if (report.Changed || _unshared || _byFirstSeen is null)
        {
            Share();
        }

        return report;
    }

    /// <summary>Records the articles not shared yet and rebuilds the list by shared first-seen time.</summary>
    private ArticleInfo[] Share()
    {
        lock (_shareLock)
        {
            var articles = inner.ArticlesSeenSince(DateTimeOffset.MinValue);
            var unshared = articles.Where(a => !_shared.ContainsKey(a.Url.AbsoluteUri)).Select(a => new ArticleSighting(a.Url.AbsoluteUri, a.FirstSeen)).ToList();
            _unshared = false;
            if (unshared.Count > 0)
            {
                try
                {
                    // Called from the sync loop's thread (no synchronisation context): waiting here does not deadlock.
                    foreach (var (url, firstSeen) in sightings.RecordAsync(unshared, CancellationToken.None).GetAwaiter().GetResult())
                    {
                        _shared[url] = firstSeen;
                    }
                }
                catch (Exception exception) when (exception is DbException or InvalidOperationException or TimeoutException)
                {
                    // The edge of the shared state: this replica's own times stand in until the next sync shares them.
                    Log.NotShared(logger, exception, unshared.Count);
                    _unshared = true;
                }
            }

            var byFirstSeen = articles
                .Select(a => _shared.TryGetValue(a.Url.AbsoluteUri, out var firstSeen) && firstSeen != a.FirstSeen ? a with { FirstSeen = firstSeen } : a)
                .OrderBy(a => a.FirstSeen)
                .ToArray();
            _byFirstSeen = byFirstSeen;
            return byFirstSeen;
        }
    }

    private static int FirstAtOrAfter(ArticleInfo[] articles, DateTimeOffset time)
    {
        int low = 0, high = articles.Length;
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (articles[middle].FirstSeen < time)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 16, Level = LogLevel.Warning, Message = "Could not share when {Count} articles were first seen (the database did not answer); this replica's own times count for them until the next sync")]
        public static partial void NotShared(ILogger logger, Exception exception, int count);
    }
}
