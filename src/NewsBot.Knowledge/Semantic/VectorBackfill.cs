using Microsoft.Extensions.Logging;
using NewsBot.Knowledge.Indexing;

namespace NewsBot.Knowledge.Semantic;

/// <summary>
/// Embeds new passages on a background thread after each sync, so that syncing (and BM25 answers) never wait
/// for the model. One pass at a time; a request made during a pass runs another pass after it (<see cref="BackgroundPasses"/>).
/// </summary>
internal sealed partial class VectorBackfill : IDisposable
{
    private static readonly TimeSpan PublishEvery = TimeSpan.FromSeconds(2);

    private readonly SemanticIndex _semantic;
    private readonly int _parallelism;
    private readonly ILogger _logger;
    private readonly BackgroundPasses _passes;

    public VectorBackfill(SemanticIndex semantic, int parallelism, ILogger logger)
    {
        _semantic = semantic;
        _parallelism = parallelism;
        _logger = logger;
        _passes = new BackgroundPasses("NewsBot vector backfill", Pass, stopWait: TimeSpan.FromSeconds(10));
    }

    /// <summary>Why embedding stopped working (the model could not load, say): answers then use BM25 alone.</summary>
    public string? Problem { get; private set; }

    /// <summary>True from a request until the pass that serves it ends.</summary>
    public bool IsBusy => _passes.IsBusy && Problem is null;

    /// <summary>Asks for a pass over the index as it is now.</summary>
    public void Request() => _passes.Request();

    /// <summary>Completes when every pass requested so far has ended, or at once when embedding has failed.</summary>
    public Task WhenCompleteAsync(CancellationToken cancellationToken = default) =>
        Problem is not null ? Task.CompletedTask : _passes.WhenCompleteAsync(cancellationToken);

    public void Dispose() => _passes.Dispose();

    /// <summary>Embeds the passages without vectors. When stopping, whatever the interrupted pass throws (ONNX
    /// Runtime's "terminate flag" error, a cancellation wrapped by Parallel.ForEach) is the stop, not a failure: it is
    /// left to <see cref="BackgroundPasses"/>, and the next start embeds what is left.</summary>
    private void Pass(CancellationToken token)
    {
        try
        {
            var embedded = _semantic.EmbedMissing(PublishEvery, _parallelism, cancellationToken: token);
            if (embedded > 0)
            {
                Log.Embedded(_logger, embedded, _semantic.Current.Ready, _semantic.Current.Total);
            }
        }
#pragma warning disable CA1031 // A broken model must not take the bot down: answers fall back to BM25.
        catch (Exception exception) when (!token.IsCancellationRequested)
#pragma warning restore CA1031
        {
            Problem = exception.Message;
            Log.EmbeddingFailed(_logger, exception);
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 3, Level = LogLevel.Information,
            Message = "Embedded {Embedded} passages; vectors ready for {Ready} of {Total} passages")]
        public static partial void Embedded(ILogger logger, int embedded, int ready, int total);

        [LoggerMessage(EventId = 4, Level = LogLevel.Error,
            Message = "Passage embedding failed; answers use BM25 alone")]
        public static partial void EmbeddingFailed(ILogger logger, Exception exception);
    }
}
