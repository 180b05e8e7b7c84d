namespace NewsBot.Knowledge.Indexing;

/// <summary>
/// A background thread that runs a pass when asked: one pass at a time, and a request made during a pass runs
/// another pass after it. The thread starts on the first request and stops on dispose, which cancels the pass in
/// progress and waits for it. Serves the postings warm-up (<see cref="PostingsWarmup"/>) and the vector backfill
/// (<see cref="Semantic.VectorBackfill"/>).
/// </summary>
internal sealed class BackgroundPasses : IDisposable
{
    private readonly string _name;
    private readonly Action<CancellationToken> _pass;
    private readonly TimeSpan _stopWait;
    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _lock = new();
    private TaskCompletionSource _passEnded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Thread? _thread;
    private long _requested;
    private long _completed;
    private bool _disposed;

    /// <param name="pass">The work of one pass; it should return soon once its token is cancelled. An exception it
    /// throws ends that pass only.</param>
    /// <param name="stopWait">How long dispose waits for the cancelled pass to return; null: until it does.</param>
    public BackgroundPasses(string name, Action<CancellationToken> pass, TimeSpan? stopWait = null)
    {
        _name = name;
        _pass = pass;
        _stopWait = stopWait ?? Timeout.InfiniteTimeSpan;
    }

    /// <summary>True from a request until the pass that serves it ends.</summary>
    public bool IsBusy
    {
        get
        {
            lock (_lock)
            {
                return _completed < _requested;
            }
        }
    }

    /// <summary>Asks for a pass over the index as it is now.</summary>
    public void Request()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _requested++;
            if (_thread is null)
            {
                _thread = new Thread(Run) { IsBackground = true, Name = _name, Priority = ThreadPriority.BelowNormal };
                _thread.Start();
            }

            if (_signal.CurrentCount == 0)
            {
                _signal.Release();
            }
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
                if (_completed >= target || _disposed)
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
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        _stop.Cancel();
        _thread?.Join(_stopWait);
        _stop.Dispose();
        _signal.Dispose();
        _passEnded.TrySetResult();
    }

    private void Run()
    {
        var token = _stop.Token;
        while (true)
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
                _pass(token);
            }
            catch (Exception) when (token.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // The pass reports its own failures; a failed pass must not end the thread.
            catch (Exception)
#pragma warning restore CA1031
            {
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
}
