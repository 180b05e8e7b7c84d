using Microsoft.Extensions.Logging;

namespace NewsBot.Knowledge.Semantic;

/// <summary>
/// Embeds new passages on a background thread after each sync, so that syncing (and BM25 answers) never wait
/// for the model. One pass at a time; a request made during a pass runs another pass after it.
/// </summary>
internal sealed partial class VectorBackfill(SemanticIndex semantic, int parallelism, ILogger logger) : IDisposable
{
    private static readonly TimeSpan PublishEvery = TimeSpan.FromSeconds(2);

    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lock = new();
    private TaskCompletionSource _passEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Thread? _thread;
    private long _requested;
    private long _completed;

    /// <summary>Why embedding stopped working (the model could not load, say): answers then use BM25 alone.</summary>
    public string? Problem { get; private set; }

    /// <summary>True from a request until the pass that serves it ends.</summary>
    public bool IsBusy
    {
        get
        {
            lock (_lock)
            {
                return _completed < _requested && Problem is null;
            }
        }
    }

    /// <summary>Asks for a pass over the index as it is now.</summary>
    public void Request()
    {
        lock (_lock)
        {
            _requested++;
            if (_thread is null)
            {
                _thread = new Thread(Run) { IsBackground = true, Name = "NewsBot vector backfill", Priority = ThreadPriority.BelowNormal };
                _thread.Start();
            }
        }

        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // A pass is already due; it will see the index as it is now.
        }
    }

    /// <summary>Completes when every pass requested so far has ended.</summary>
    public async Task WhenCompleteAsync(CancellationToken cancellationToken = default)
    {
        long target;
        lock (_lock)
        {
            target = _requested;
        }

        while (true)
        {
            Task passEnded;
            lock (_lock)
            {
                if (_completed >= target || Problem is not null)
                {
                    return;
                }

                passEnded = _passEnded.Task;
            }

            await passEnded.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread?.Join(TimeSpan.FromSeconds(10));
        _stop.Dispose();
        _signal.Dispose();
    }

    private void Run()
    {
        var token = _stop.Token;
        while (!token.IsCancellationRequested)
        {
            try
            {
                _signal.Wait(token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            long target;
            lock (_lock)
            {
                target = _requested;
            }

            try
            {
                var embedded = semantic.EmbedMissing(PublishEvery, parallelism, cancellationToken: token);
                if (embedded > 0)
                {
                    Log.Embedded(logger, embedded, semantic.Current.Ready, semantic.Current.Total);
                }
            }
            catch (Exception) when (token.IsCancellationRequested)
            {
                // Stopping: whatever the interrupted pass threw (ONNX Runtime's "terminate flag" error, a cancellation
                // wrapped by Parallel.ForEach) is the stop, not a failure. The next start embeds what is left.
                return;
            }
#pragma warning disable CA1031 // A broken model must not take the bot down: answers fall back to BM25.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                Problem = exception.Message;
                Log.EmbeddingFailed(logger, exception);
            }

            lock (_lock)
            {
                _completed = Math.Max(_completed, target);
                var ended = _passEnded;
                _passEnded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                ended.TrySetResult();
            }
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
