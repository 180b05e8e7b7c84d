using System.Threading.Channels;
using Microsoft.Extensions.Options;
using NewsBot.Knowledge;
using NewsBot.Knowledge.Articles;

namespace NewsBot.Collection;

/// <summary>
/// Builds the index at startup, then keeps it in sync while the bot runs: a file watcher on the knowledge
/// folder reports changed paths, a burst of events is batched into one sync of just those paths
/// (<see cref="CollectionSyncOptions.Debounce"/>), and a periodic rescan of the whole folder catches what
/// watchers miss. A bad file is logged once, with its lint message, until it changes; the rest of the
/// collection stays served.
/// </summary>
internal sealed partial class CollectionSyncService(
    IKnowledgeBase knowledge,
    CollectionState state,
    IOptions<KnowledgeOptions> knowledgeOptions,
    IOptions<CollectionSyncOptions> options,
    TimeProvider time,
    ILogger<CollectionSyncService> logger) : BackgroundService
{
    private readonly Channel<bool> _changes = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ChangedPaths _changedPaths = new();
    private readonly ReportedProblems _problems = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Watch before the first sync, so that a change made while it runs (or right after) is not missed.
        using var watcher = Watch(knowledgeOptions.Value.Path);
        await Task.Run(() => SyncAndReport(null, stoppingToken), stoppingToken).ConfigureAwait(false);
        state.MarkReady();

        while (!stoppingToken.IsCancellationRequested)
        {
            var changed = await WaitForChangeAsync(stoppingToken).ConfigureAwait(false);
            if (changed)
            {
                await DebounceAsync(stoppingToken).ConfigureAwait(false);
            }

            // Taken before the sync, so that events arriving while it runs are synced next time. A rescan
            // covers the paths gathered so far.
            var paths = _changedPaths.Take();
            await Task.Run(() => SyncAndReport(changed ? paths : null, stoppingToken), stoppingToken).ConfigureAwait(false);
        }
    }

    /// <summary>True on a file event, false when the rescan period passed without one.</summary>
    private async Task<bool> WaitForChangeAsync(CancellationToken stoppingToken)
    {
        using var period = new CancellationTokenSource(options.Value.Rescan, time);
        using var rescan = CancellationTokenSource.CreateLinkedTokenSource(period.Token, stoppingToken);
        try
        {
            await _changes.Reader.ReadAsync(rescan.Token).ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Waits until events stop for the debounce time, or the maximum delay has passed.</summary>
    private async Task DebounceAsync(CancellationToken stoppingToken)
    {
        var deadline = time.GetUtcNow() + options.Value.MaxDelay;
        while (time.GetUtcNow() < deadline)
        {
            using var debounce = new CancellationTokenSource(options.Value.Debounce, time);
            using var quiet = CancellationTokenSource.CreateLinkedTokenSource(debounce.Token, stoppingToken);
            try
            {
                await _changes.Reader.ReadAsync(quiet.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <param name="paths">The paths to sync, or null for the whole folder.</param>
    private void SyncAndReport(IReadOnlyCollection<string>? paths, CancellationToken stoppingToken)
    {
        SyncReport report;
        try
        {
            report = paths is null ? knowledge.Sync(stoppingToken) : knowledge.Sync(paths, stoppingToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // The edge of the sync loop: keep serving the last index and try again on the next change, with the
            // whole folder, since the paths this sync was given are not synced.
            Log.SyncFailed(logger, ex);
            _changedPaths.AddEverything();
            return;
        }

        foreach (var problem in _problems.Update(report.Problems, paths))
        {
            var line = problem.ToString();
            if (problem.Severity == ProblemSeverity.Error)
            {
                Log.ArticleError(logger, line);
            }
            else
            {
                Log.ArticleWarning(logger, line);
            }
        }

        if (report.Changed)
        {
            Log.Synced(logger, report.Added, report.Updated, report.Removed, report.Articles, report.Passages);
        }
    }

    private FileSystemWatcher? Watch(string path)
    {
        if (!Directory.Exists(path))
        {
            Log.FolderMissing(logger, path);
            return null;
        }

        var watcher = new FileSystemWatcher(path)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        FileSystemEventHandler signal = (_, e) =>
        {
            _changedPaths.Add(e.FullPath);
            _changes.Writer.TryWrite(true);
        };
        watcher.Created += signal;
        watcher.Changed += signal;
        watcher.Deleted += signal;
        watcher.Renamed += (_, e) =>
        {
            _changedPaths.Add(e.OldFullPath);
            _changedPaths.Add(e.FullPath);
            _changes.Writer.TryWrite(true);
        };
        watcher.Error += (_, e) =>
        {
            Log.WatcherError(logger, e.GetException());
            _changedPaths.AddEverything();
            _changes.Writer.TryWrite(true);
        };
        watcher.EnableRaisingEvents = true;
        return watcher;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 10, Level = LogLevel.Information, Message = "Knowledge updated: {Added} added, {Updated} updated, {Removed} removed; {Articles} articles, {Passages} passages served")]
        public static partial void Synced(ILogger logger, int added, int updated, int removed, int articles, int passages);

        [LoggerMessage(EventId = 11, Level = LogLevel.Warning, Message = "Article skipped: {Problem}")]
        public static partial void ArticleError(ILogger logger, string problem);

        [LoggerMessage(EventId = 12, Level = LogLevel.Information, Message = "Article warning: {Problem}")]
        public static partial void ArticleWarning(ILogger logger, string problem);

        [LoggerMessage(EventId = 13, Level = LogLevel.Error, Message = "Knowledge sync failed; the last index stays served")]
        public static partial void SyncFailed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 14, Level = LogLevel.Warning, Message = "Knowledge folder {Path} not found: not watching for changes")]
        public static partial void FolderMissing(ILogger logger, string path);

        [LoggerMessage(EventId = 15, Level = LogLevel.Warning, Message = "File watcher error; rescanning")]
        public static partial void WatcherError(ILogger logger, Exception exception);
    }
}
