using Microsoft.Extensions.Options;
using NewsBot.Knowledge;
using NewsBot.Knowledge.Digests;

namespace NewsBot.Digests;

/// <summary>What one pass over the due subscriptions did.</summary>
internal sealed record DeliveryPass(int Due, int Sent, int Empty, int Retrying, int Paused, int Skipped, int Failed);

/// <summary>
/// One delivery pass: every active subscription due now gets the digest of its window
/// [window start, now), sent concurrently (paced across all of them) so one slow or failing conversation
/// never holds up the others. The window moves only after a successful send, and only if no one else moved it
/// first, so a window is delivered once. 429/5xx are retried later (honouring Retry-After) without blocking
/// the pass; 403/404 pause the subscription with the reason.
/// </summary>
internal sealed partial class DigestDelivery
{
    private readonly IDigestSubscriptions _store;
    private readonly IKnowledgeBase _knowledge;
    private readonly IDigestSender _sender;
    private readonly DigestOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SendPacer _pacer;

    public DigestDelivery(IDigestSubscriptions store, IKnowledgeBase knowledge, IDigestSender sender, IOptions<DigestOptions> options, TimeProvider time, ILogger<DigestDelivery> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        _store = store;
        _knowledge = knowledge;
        _sender = sender;
        _options = options.Value;
        _time = time;
        _logger = logger;
        _pacer = new SendPacer(time, _options.MessagesPerSecond);
    }

    public async Task<DeliveryPass> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var due = await _store.DueAsync(now, cancellationToken).ConfigureAwait(false);
        var outcomes = new Outcome[due.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, due.Count),
            new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentSends, CancellationToken = cancellationToken },
            async (i, token) => outcomes[i] = await DeliverGuardedAsync(due[i], now, token).ConfigureAwait(false)).ConfigureAwait(false);
        return new DeliveryPass(
            due.Count,
            outcomes.Count(o => o == Outcome.Sent),
            outcomes.Count(o => o == Outcome.Empty),
            outcomes.Count(o => o == Outcome.Retrying),
            outcomes.Count(o => o == Outcome.Paused),
            outcomes.Count(o => o == Outcome.Skipped),
            outcomes.Count(o => o == Outcome.Failed));
    }

    /// <summary>The boundary for one conversation: whatever goes wrong with it (its stored row, the database) is logged and never stops the pass.</summary>
    private async Task<Outcome> DeliverGuardedAsync(DigestSubscription subscription, DateTimeOffset now, CancellationToken cancellationToken)
    {
        try
        {
            return await DeliverOneAsync(subscription, now, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            Log.Failed(_logger, exception, subscription.ConversationKey);
            return Outcome.Failed;
        }
    }

    private async Task<Outcome> DeliverOneAsync(DigestSubscription subscription, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var key = subscription.ConversationKey;
        if (!DigestSchedule.TryFindZone(subscription.TimeZoneId, out var zone))
        {
            await PauseAsync(subscription, $"the time zone {subscription.TimeZoneId} is not known on this server", cancellationToken).ConfigureAwait(false);
            return Outcome.Paused;
        }

        var next = DigestSchedule.Next(subscription.LocalTime, zone, subscription.WeekdaysOnly, now);

        // Down for longer than the catch-up limit: the next regular digest covers the whole gap (the window stays).
        var catchUpFrom = now - _options.CatchUpWithin;
        if (subscription.NextDelivery < catchUpFrom && !DigestSchedule.AnyBetween(subscription.LocalTime, zone, subscription.WeekdaysOnly, catchUpFrom, now))
        {
            Log.Skipped(_logger, key, subscription.NextDelivery, next);
            await _store.RecordAsync(subscription with { NextDelivery = next, Attempts = 0 }, subscription.WindowStart, cancellationToken).ConfigureAwait(false);
            return Outcome.Skipped;
        }

        var digest = DigestComposer.Compose(_knowledge, subscription.WindowStart, now, _options.MaxItems);
        if (digest.IsEmpty && _options.NothingNewText is null)
        {
            await _store.RecordAsync(subscription with { WindowStart = now, NextDelivery = next, Attempts = 0 }, subscription.WindowStart, cancellationToken).ConfigureAwait(false);
            return Outcome.Empty;
        }

        try
        {
            var reference = DigestConversation.Reference(subscription.ReferenceJson);
            await _pacer.WaitAsync(cancellationToken).ConfigureAwait(false);
            await _sender.SendAsync(reference, DigestMessage.Build(subscription.Channel, digest, _options.NothingNewText), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            return await FailedAsync(subscription, exception, now, next, cancellationToken).ConfigureAwait(false);
        }

        // Sent: only now does the window move. If the process dies between the send and this write, the next start resends this window once.
        var delivered = _time.GetUtcNow();
        await _store.RecordAsync(
            subscription with { WindowStart = now, NextDelivery = next, LastDelivery = delivered, Attempts = 0 },
            subscription.WindowStart,
            cancellationToken).ConfigureAwait(false);
        Log.Delivered(_logger, key, digest.Total, subscription.WindowStart, now);
        return Outcome.Sent;
    }

    private async Task<Outcome> FailedAsync(DigestSubscription subscription, Exception exception, DateTimeOffset now, DateTimeOffset next, CancellationToken cancellationToken)
    {
        var failure = DeliveryFailure.Classify(exception, now);
        var key = subscription.ConversationKey;
        var attempts = subscription.Attempts + 1;
        switch (failure.Kind)
        {
            case DeliveryFailureKind.Gone:
                // A refused serviceUrl is a decision, not a fault: no stack trace.
                Log.Gone(_logger, exception is Security.ServiceUrlNotAllowedException ? null : exception, key, failure.Reason);
                await PauseAsync(subscription, failure.Reason, cancellationToken).ConfigureAwait(false);
                return Outcome.Paused;

            case DeliveryFailureKind.Transient when attempts < _options.MaxAttempts:
                var backoff = _options.RetryDelay * Math.Pow(2, attempts - 1);
                var delay = failure.RetryAfter is { } retryAfter && retryAfter > backoff ? retryAfter : backoff;
                delay = delay > _options.MaxRetryDelay ? _options.MaxRetryDelay : delay;
                Log.WillRetry(_logger, exception, key, failure.Reason, attempts, delay);
                await _store.RecordAsync(subscription with { NextDelivery = now + delay, Attempts = attempts }, subscription.WindowStart, cancellationToken).ConfigureAwait(false);
                return Outcome.Retrying;

            default:
                Log.GaveUp(_logger, exception, key, failure.Reason, attempts, next);
                await _store.RecordAsync(subscription with { NextDelivery = next, Attempts = 0 }, subscription.WindowStart, cancellationToken).ConfigureAwait(false);
                return Outcome.Failed;
        }
    }

    private Task PauseAsync(DigestSubscription subscription, string reason, CancellationToken cancellationToken)
    {
        Log.Paused(_logger, subscription.ConversationKey, reason);
        return _store.RecordAsync(subscription with { State = DigestState.Paused, PausedReason = reason, Attempts = 0 }, subscription.WindowStart, cancellationToken);
    }

    private enum Outcome
    {
        Sent,
        Empty,
        Retrying,
        Paused,
        Skipped,
        Failed,
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 100, Level = LogLevel.Information, Message = "Delivered the digest to {Conversation}: {Articles} articles first seen from {WindowStart} to {WindowEnd}")]
        public static partial void Delivered(ILogger logger, string conversation, int articles, DateTimeOffset windowStart, DateTimeOffset windowEnd);

        [LoggerMessage(EventId = 101, Level = LogLevel.Warning, Message = "Digest to {Conversation} failed ({Reason}), attempt {Attempt}; retrying in {Delay}")]
        public static partial void WillRetry(ILogger logger, Exception exception, string conversation, string reason, int attempt, TimeSpan delay);

        [LoggerMessage(EventId = 102, Level = LogLevel.Warning, Message = "Digest to {Conversation} failed ({Reason}); pausing the subscription")]
        public static partial void Gone(ILogger logger, Exception? exception, string conversation, string reason);

        [LoggerMessage(EventId = 103, Level = LogLevel.Warning, Message = "Paused the digest of {Conversation}: {Reason}")]
        public static partial void Paused(ILogger logger, string conversation, string reason);

        [LoggerMessage(EventId = 104, Level = LogLevel.Error, Message = "Digest to {Conversation} failed ({Reason}) after {Attempts} attempts; the digest at {Next} will cover this window")]
        public static partial void GaveUp(ILogger logger, Exception exception, string conversation, string reason, int attempts, DateTimeOffset next);

        [LoggerMessage(EventId = 108, Level = LogLevel.Error, Message = "Digest delivery to {Conversation} failed; it stays due and is tried again at the next pass")]
        public static partial void Failed(ILogger logger, Exception exception, string conversation);

        [LoggerMessage(EventId = 105, Level = LogLevel.Information, Message = "Digest of {Conversation} due at {Missed} was missed by more than the catch-up limit; the digest at {Next} covers the gap")]
        public static partial void Skipped(ILogger logger, string conversation, DateTimeOffset missed, DateTimeOffset next);
    }
}
