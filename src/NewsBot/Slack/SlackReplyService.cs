using Microsoft.Extensions.Options;
using NewsBot.Collection;
using NewsBot.Hosting;

namespace NewsBot.Slack;

/// <summary>
/// Answers the Slack questions in the database's reply queue, <see cref="SlackOptions.MaxConcurrentReplies"/> at a time
/// (<see cref="SlackReplyRunner"/>), once the index is built (a replica starting on an empty data folder must not answer
/// from an empty collection). This replica's own questions come at once through <see cref="SlackReplyQueue.Ready"/>;
/// every <see cref="SlackOptions.ReplySweepInterval"/> it also takes those nobody holds (a dead replica's whose lease
/// expired, failed ones to try again), as many as its queue has room for. On shutdown, answers being worked on are
/// finished (until the host's shutdown timeout) and the questions not started are let go for the other replicas.
/// </summary>
internal sealed partial class SlackReplyService(
    SlackReplyQueue queue,
    SlackReplyRunner runner,
    ISlackReplyStore store,
    CollectionState collection,
    ReplicaIdentity replica,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackReplyService> logger) : BackgroundService
{
    /// <summary>Cancelled when the host's shutdown timeout passes: answers still being worked on then are let go.</summary>
    private readonly CancellationTokenSource _abandon = new();

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        using (cancellationToken.Register(_abandon.Cancel))
        {
            await base.StopAsync(cancellationToken).ConfigureAwait(false);
        }

        if (ExecuteTask is { IsCompleted: false } running)
        {
            // The shutdown timeout passed: the answers in progress were cancelled and let go; wait for them to say so.
            await _abandon.CancelAsync().ConfigureAwait(false);
            await running.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        var unstarted = queue.TakeUnstarted();
        try
        {
            await store.ReleaseAsync(unstarted, replica.Id, time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // Their lease expires all the same: the other replicas take them then.
            Log.ReleaseFailed(logger, exception, unstarted.Count);
        }
    }

    public override void Dispose()
    {
        _abandon.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await collection.Ready.WaitAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        var workers = Enumerable.Range(0, options.Value.MaxConcurrentReplies).Select(_ => Task.Run(() => WorkAsync(stoppingToken), CancellationToken.None));
        await Task.WhenAll([.. workers, SweepAsync(stoppingToken)]).ConfigureAwait(false);
    }

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            string key;
            try
            {
                key = await queue.Ready.ReadAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await runner.RunAsync(key, _abandon.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !_abandon.IsCancellationRequested)
            {
                // The database failed: the lease expires and the question is taken again.
                Log.WorkFailed(logger, exception, key);
            }
            catch (OperationCanceledException)
            {
                // Abandoned at the shutdown timeout.
            }
            finally
            {
                queue.Done(key);
            }
        }
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        var slack = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var now = time.GetUtcNow();
                var room = slack.QueueCapacity - queue.Backlog;
                var taken = room > 0 ? await store.ReserveExpiredAsync(replica.Id, now, now + slack.ReplyLease, room, stoppingToken).ConfigureAwait(false) : [];
                foreach (var key in taken)
                {
                    queue.Hold(key);
                }

                if (taken.Count > 0)
                {
                    Log.TookOver(logger, taken.Count);
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                Log.SweepFailed(logger, exception, slack.ReplySweepInterval);
            }

            try
            {
                await Task.Delay(slack.ReplySweepInterval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 95, Level = LogLevel.Information, Message = "Took {Count} Slack questions nobody held (a replica stopped or died before answering, or a failed post to try again)")]
        public static partial void TookOver(ILogger logger, int count);

        [LoggerMessage(EventId = 96, Level = LogLevel.Error, Message = "Looking for Slack questions nobody holds failed; trying again in {Interval}")]
        public static partial void SweepFailed(ILogger logger, Exception exception, TimeSpan interval);

        [LoggerMessage(EventId = 97, Level = LogLevel.Error, Message = "Working on Slack question {Key} failed; it is taken again when its lease expires")]
        public static partial void WorkFailed(ILogger logger, Exception exception, string key);

        [LoggerMessage(EventId = 98, Level = LogLevel.Warning, Message = "Could not let go of {Count} Slack questions not started at shutdown; the other replicas take them when their lease expires")]
        public static partial void ReleaseFailed(ILogger logger, Exception exception, int count);
    }
}
