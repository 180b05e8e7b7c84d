using Microsoft.Extensions.Options;
using NewsBot.Collection;

namespace NewsBot.Digests;

/// <summary>
/// Runs delivery passes once the index is built (a replica starting on an empty data folder must not claim due
/// conversations and send them digests of an empty collection): after each, sleeps on the injected clock until the
/// earliest next delivery, at most <see cref="DigestOptions.PollInterval"/> (so new subscriptions are seen). A failed
/// pass is logged and retried on the next wake-up; it never stops the service.
/// </summary>
internal sealed partial class DigestDeliveryService(
    DigestDelivery delivery,
    IDigestSubscriptions store,
    CollectionState collection,
    IOptions<DigestOptions> options,
    TimeProvider time,
    ILogger<DigestDeliveryService> logger) : BackgroundService
{
    private static readonly TimeSpan MinimumSleep = TimeSpan.FromSeconds(1);

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

        var poll = options.Value.PollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            var sleep = poll;
            try
            {
                var pass = await delivery.DeliverDueAsync(stoppingToken).ConfigureAwait(false);
                if (pass.Due > 0)
                {
                    Log.Pass(logger, pass.Due, pass.Sent, pass.Empty, pass.Retrying, pass.Paused, pass.Skipped, pass.Failed);
                }

                if (await store.NextDueAsync(stoppingToken).ConfigureAwait(false) is { } next)
                {
                    var untilNext = next - time.GetUtcNow();
                    sleep = untilNext < MinimumSleep ? MinimumSleep : untilNext < poll ? untilNext : poll;
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                Log.PassFailed(logger, exception);
            }

            try
            {
                await Task.Delay(sleep, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 106, Level = LogLevel.Information, Message = "Digest pass: {Due} due, {Sent} sent, {Empty} empty, {Retrying} retrying, {Paused} paused, {Skipped} skipped, {Failed} failed")]
        public static partial void Pass(ILogger logger, int due, int sent, int empty, int retrying, int paused, int skipped, int failed);

        [LoggerMessage(EventId = 107, Level = LogLevel.Error, Message = "A digest delivery pass failed; trying again at the next wake-up")]
        public static partial void PassFailed(ILogger logger, Exception exception);
    }
}
