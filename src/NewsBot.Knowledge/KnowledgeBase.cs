using System.Globalization;
using Lucene.Net.Search;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NewsBot.Knowledge.Answers;
using NewsBot.Knowledge.Articles;
using NewsBot.Knowledge.Indexing;
using NewsBot.Knowledge.Passages;
using NewsBot.Knowledge.Semantic;
using F = NewsBot.Knowledge.Indexing.IndexFields;

namespace NewsBot.Knowledge;

/// <summary>
/// The knowledge base over a folder of articles and a Lucene index in the data folder
/// (<c>{DataPath}/index</c>). Open it with <c>KnowledgeBase.Open</c>; dispose it to release the index.
/// </summary>
public sealed partial class KnowledgeBase : IKnowledgeBase
{
    private readonly KnowledgeOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ArticleIndex _index;
    private readonly AnswerEngine _engine;
    private readonly SemanticIndex? _semantic;
    private readonly VectorBackfill? _backfill;
    private readonly PostingsWarmup? _warmup;
    private readonly Lock _syncLock = new();
    private volatile ArticleCatalog _catalog;
    private DateTimeOffset? _lastSync;
    private IReadOnlyList<string> _refused = [];
    private IReadOnlyDictionary<string, RefusedFile> _refusedFiles = new Dictionary<string, RefusedFile>();

    private KnowledgeBase(KnowledgeOptions options, TimeProvider time, ILogger logger, ArticleIndex index, RankingSettings? settings = null)
    {
        _options = options;
        _time = time;
        _logger = logger;
        _index = index;
        using (var lease = index.Lease())
        {
            _catalog = ArticleCatalog.Load(lease.Searcher);
        }

        _lastSync = ParseLastSync(index.CommitData);
        if (options.Semantic)
        {
            var embedder = MiniLmEmbedder.Shared;
            _semantic = new SemanticIndex(index, () => _catalog, embedder, VectorStore.OpenIn(options.DataPath, embedder));

            // Vectors cached by an earlier run serve from the first question on.
            _semantic.Publish();
            _backfill = new VectorBackfill(_semantic, options.EmbeddingThreads, logger);
        }

        if (options.WarmUp)
        {
            // Long posting lists are packed in the background from the start, not by the first questions that need them.
            _warmup = new PostingsWarmup(index, logger, maxPositionBytes: options.WarmUpPositionMegabytes * 1024L * 1024L);
            _warmup.Request();
        }

        _engine = new AnswerEngine(index, () => _catalog, settings ?? RankingSettings.Default, options.MinConfidence, _semantic);
    }

    /// <summary>Opens the index under <see cref="KnowledgeOptions.DataPath"/>, creating it when missing. Does not sync.</summary>
    public static KnowledgeBase Open(KnowledgeOptions options, TimeProvider? time = null, ILogger<KnowledgeBase>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var index = ArticleIndex.Open(System.IO.Path.Combine(System.IO.Path.GetFullPath(options.DataPath), "index"));
        var knowledgeBase = new KnowledgeBase(options, time ?? TimeProvider.System, (ILogger?)logger ?? NullLogger.Instance, index);
        if (index.IsReadOnly)
        {
            Log.ReadOnly(knowledgeBase._logger, options.DataPath);
        }

        if (index.Damage is { } damage)
        {
            Log.Rebuilt(knowledgeBase._logger, options.DataPath, damage);
        }

        return knowledgeBase;
    }

    /// <summary>Opens with other ranking settings: the tuning entry point of the benchmarks project.</summary>
    internal static KnowledgeBase Open(KnowledgeOptions options, RankingSettings settings, TimeProvider? time = null) =>
        new(options, time ?? TimeProvider.System, NullLogger.Instance, ArticleIndex.Open(System.IO.Path.Combine(System.IO.Path.GetFullPath(options.DataPath), "index")), settings);

    /// <summary>True when another process holds the index's write lock: answers work, syncs do not.</summary>
    public bool IsReadOnly => _index.IsReadOnly;

    public KnowledgeStats Stats
    {
        get
        {
            var catalog = _catalog;
            var newest = catalog.Count == 0 ? (DateTimeOffset?)null : catalog.ById.Values.Max(a => a.Info.Published);
            // The snapshot may lag a sync by a moment; the catalog's count is the truth, and a pending pass says so.
            var vectors = _semantic is null ? null : new VectorStats(
                _semantic.Model, Math.Min(_semantic.Current.Ready, catalog.Passages), catalog.Passages, _backfill?.Problem, _backfill?.IsBusy ?? false);
            return new KnowledgeStats(catalog.Count, catalog.Passages, _lastSync, newest, vectors);
        }
    }

    public SyncReport Sync(CancellationToken cancellationToken = default) => RunSync(null, cancellationToken);

    public SyncReport Sync(IReadOnlyCollection<string> changedPaths, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changedPaths);
        return RunSync(changedPaths, cancellationToken);
    }

    /// <param name="changedPaths">Null for the whole folder.</param>
    private SyncReport RunSync(IReadOnlyCollection<string>? changedPaths, CancellationToken cancellationToken)
    {
        lock (_syncLock)
        {
            var synchronizer = new IndexSynchronizer(_index, new PassageSplitter(), _time) { MaxArticleBytes = _options.MaxArticleBytes, RefusedBefore = _refusedFiles };
            SyncReport report;
            try
            {
                report = synchronizer.Sync(_options.Path, _catalog, changedPaths is null ? null : WithRefused(changedPaths), cancellationToken);
            }
            catch
            {
                // After a cancelled or failed sync, what it committed is served and the next sync starts from it.
                ReloadCatalog();
                throw;
            }

            _catalog = synchronizer.Catalog ?? _catalog;
            _refused = synchronizer.Refused;
            _refusedFiles = synchronizer.RefusedFiles;
            _lastSync = ParseLastSync(_index.CommitData);
            _warmup?.Request();
            if (_backfill is not null && (report.Changed || _semantic!.Current.Ready < _catalog.Passages || _semantic.Current.Total != _catalog.Passages))
            {
                _backfill.Request();
            }

            Log.Synced(_logger, report.Added, report.Updated, report.Removed, report.Unchanged, report.Skipped, report.Elapsed.TotalMilliseconds);
            return report with { Articles = _catalog.Count, Passages = _catalog.Passages };
        }
    }

    /// <summary>The changed paths plus the files refused last time (a deleted duplicate may let them in now).</summary>
    private List<string> WithRefused(IReadOnlyCollection<string> changedPaths)
    {
        var paths = new List<string>(changedPaths.Count + _refused.Count);
        paths.AddRange(changedPaths);
        paths.AddRange(_refused.Select(relative => System.IO.Path.Combine(_options.Path, relative)));
        return paths;
    }

    private void ReloadCatalog()
    {
        using (var lease = _index.Lease())
        {
            _catalog = ArticleCatalog.Load(lease.Searcher);
        }

        _lastSync = ParseLastSync(_index.CommitData);
    }

    public Answer Ask(string question, AskOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(question);
        var top = Math.Clamp(options?.Top ?? _options.Top, 1, 50);
        var skip = Math.Max(options?.Skip ?? 0, 0);
        return _engine.Ask(question, top, skip, options?.Related ?? true);
    }

    public IReadOnlyList<ArticleProblem> Validate() => KnowledgeValidator.Validate(_options.Path, _time.GetUtcNow(), _options.MaxArticleBytes);

    public IReadOnlyList<ArticleInfo> ArticlesSeenSince(DateTimeOffset since, DateTimeOffset? until = null) =>
        _catalog.ById.Values
            .Select(a => a.Info)
            .Where(a => a.FirstSeen >= since && (until is null || a.FirstSeen < until))
            .OrderByDescending(a => a.Published)
            .ThenBy(a => a.Title, StringComparer.Ordinal)
            .ToList();

    public IReadOnlyList<ArticleInfo> Latest(int count) => _catalog.Newest(count);

    /// <summary>Ranks whole articles for a question without the answer rules (for evaluation).</summary>
    internal IReadOnlyList<(ArticleInfo Article, double Score)> RankArticles(string question, int depth)
    {
        var ranked = _engine.Rank(question, depth * 10, depth);
        return ranked is null ? [] : ranked.Select(c => (c.Article, (double)c.Score)).ToList();
    }

    public async Task WhenVectorsReadyAsync(CancellationToken cancellationToken = default)
    {
        if (_backfill is null || _semantic is null)
        {
            return;
        }

        _backfill.Request();
        await _backfill.WhenCompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The question's candidate passages and signals, before the answer model (for evaluation and fitting).</summary>
    internal Answers.Decision.QuestionAnalysis Analyse(string question) => _engine.Analyse(question);

    /// <summary>The question's other readings, tried when it is declined as asked (for evaluation and fitting).</summary>
    internal IReadOnlyList<Answers.Decision.QuestionAnalysis> Readings(string question) => _engine.Readings(question);

    /// <summary>The answer model for the signals of <paramref name="analysis"/>.</summary>
    internal Answers.Decision.AnswerModel ModelFor(Answers.Decision.QuestionAnalysis analysis) => _engine.ModelFor(analysis);

    /// <summary>The searcher answers use now (for tests: the index's own segments and their caches).</summary>
    internal SearcherLease Lease() => _index.Lease();

    /// <summary>Completes when the background packing of posting lists requested so far has ended (for tests and benchmarks).</summary>
    internal Task WhenWarmAsync(CancellationToken cancellationToken = default) =>
        _warmup?.WhenCompleteAsync(cancellationToken) ?? Task.CompletedTask;

    public void Dispose()
    {
        _warmup?.Dispose();
        _backfill?.Dispose();
        _semantic?.Dispose();
        _index.Dispose();
    }

    private static DateTimeOffset? ParseLastSync(IDictionary<string, string> commitData) =>
        commitData.TryGetValue(F.LastSyncKey, out var value)
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed)
            ? parsed
            : null;

    private static partial class Log
    {
        [LoggerMessage(EventId = 2, Level = LogLevel.Warning,
            Message = "The index in {DataPath} is locked by another NewsBot process; answering from its last commit, read-only")]
        public static partial void ReadOnly(ILogger logger, string dataPath);

        [LoggerMessage(EventId = 3, Level = LogLevel.Warning,
            Message = "The index in {DataPath} could not be opened ({Damage}); it was started afresh and the next sync re-indexes every article")]
        public static partial void Rebuilt(ILogger logger, string dataPath, string damage);

        [LoggerMessage(EventId = 1, Level = LogLevel.Information,
            Message = "Knowledge synced: {Added} added, {Updated} updated, {Removed} removed, {Unchanged} unchanged, {Skipped} skipped in {ElapsedMs:F0} ms")]
        public static partial void Synced(ILogger logger, int added, int updated, int removed, int unchanged, int skipped, double elapsedMs);
    }
}
