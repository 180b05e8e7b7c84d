using NewsBot.Knowledge;
using NewsBot.Knowledge.Answers;
using NewsBot.Knowledge.Articles;

namespace NewsBot.Telemetry;

/// <summary>
/// The knowledge base as the bot uses it, traced and measured: every <see cref="Ask"/> is a <c>search</c> span (the
/// knowledge library adds <c>semantic</c> beneath it), every sync a <c>sync</c> span and a
/// <c>newsbot.sync.duration</c> measurement; the collection's size and embedding backlog are observed as gauges.
/// Everything else passes through.
/// </summary>
internal sealed class TracedKnowledgeBase : IKnowledgeBase
{
    private readonly IKnowledgeBase _inner;
    private readonly NewsBotMetrics _metrics;
    private readonly TimeProvider _time;

    public TracedKnowledgeBase(IKnowledgeBase inner, NewsBotMetrics metrics, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _inner = inner;
        _metrics = metrics;
        _time = time;
        metrics.ObserveKnowledge(() => inner.Stats);
    }

    public KnowledgeStats Stats => _inner.Stats;

    public SyncReport Sync(CancellationToken cancellationToken = default) => Traced(wholeFolder: true, () => _inner.Sync(cancellationToken));

    public SyncReport Sync(IReadOnlyCollection<string> changedPaths, CancellationToken cancellationToken = default) =>
        Traced(wholeFolder: false, () => _inner.Sync(changedPaths, cancellationToken));

    public Answer Ask(string question, AskOptions? options = null)
    {
        using var span = NewsBotTelemetry.Source.StartActivity(NewsBotTelemetry.Search);
        var answer = _inner.Ask(question, options);
        if (span is not null)
        {
            span.SetTag("newsbot.answered", answer.Answered);
            span.SetTag("newsbot.confidence", answer.Confidence);
            span.SetTag("newsbot.results", answer.Results.Count);
        }

        return answer;
    }

    public IReadOnlyList<ArticleProblem> Validate() => _inner.Validate();

    public IReadOnlyList<ArticleInfo> ArticlesSeenSince(DateTimeOffset since, DateTimeOffset? until = null) => _inner.ArticlesSeenSince(since, until);

    public IReadOnlyList<ArticleInfo> Latest(int count) => _inner.Latest(count);

    public Task WhenVectorsReadyAsync(CancellationToken cancellationToken = default) => _inner.WhenVectorsReadyAsync(cancellationToken);

    public void Dispose() => _inner.Dispose();

    private SyncReport Traced(bool wholeFolder, Func<SyncReport> sync)
    {
        using var span = NewsBotTelemetry.Source.StartActivity(NewsBotTelemetry.Sync);
        span?.SetTag("newsbot.sync.scope", wholeFolder ? "folder" : "paths");
        var started = _time.GetTimestamp();
        var report = sync();
        _metrics.Synced(_time.GetElapsedTime(started), wholeFolder);
        if (span is not null)
        {
            span.SetTag("newsbot.sync.added", report.Added);
            span.SetTag("newsbot.sync.updated", report.Updated);
            span.SetTag("newsbot.sync.removed", report.Removed);
            span.SetTag("newsbot.articles", report.Articles);
        }

        return report;
    }
}
