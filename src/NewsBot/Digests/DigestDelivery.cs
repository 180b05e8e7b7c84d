using Microsoft.Extensions.Options;
using NewsBot.Hosting;
using NewsBot.Knowledge;
using NewsBot.Knowledge.Digests;
using NewsBot.Telemetry;

namespace NewsBot.Digests;

/// <summary>What one pass over the due subscriptions did.</summary>
/// <param name="Due">The subscriptions this replica claimed (other replicas deliver the rest).</param>
/// <param name="Duplicates">Of those sent, the ones another replica had recorded first: a digest posted twice.</param>
internal sealed record DeliveryPass(int Due, int Sent, int Empty, int Retrying, int Paused, int Skipped, int Failed, int Duplicates = 0);

/// <summary>
/// One delivery pass: claims the active subscriptions due now, a batch at a time (<see cref="DigestOptions.ClaimBatch"/>,
/// so several replicas share a busy delivery time and never take the same conversation), and gives each the digest of
/// its window [window start, now), sent concurrently (paced across all of them) so one slow or failing conversation
/// never holds up the others. The window moves only after a successful send, and only if no one else moved it first,
/// so a window is delivered once; a claim left by a replica that died expires after <see cref="DigestOptions.ClaimLease"/>
/// and its conversations go to the next pass of any replica. 429/5xx are retried later (honouring Retry-After) without
/// blocking the pass; 403/404 pause the subscription with the reason.
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
    private readonly string _owner;
    private readonly NewsBotMetrics _metrics;

    public DigestDelivery(
        IDigestSubscriptions store,
        IKnowledgeBase knowledge,
        IDigestSender sender,
        IOptions<DigestOptions> options,
        ReplicaIdentity replica,
        NewsBotMetrics metrics,
        TimeProvider time,
        ILogger<DigestDelivery> logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(replica);
        _store = store;
        _knowledge = knowledge;
        _sender = sender;
        _options = options.Value;
        _owner = replica.Id;
        _metrics = metrics;
        _time = time;
        _logger = logger;
        _pacer = new SendPacer(time, _options.MessagesPerSecond);
    }

    public async Task<DeliveryPass> DeliverDueAsync(CancellationToken cancellationToken)
    {
        using var span = NewsBotTelemetry.Source.StartActivity(NewsBotTelemetry.DigestPass);
        var outcomes = new List<Outcome>();
        while (true)
        {
            var now = Now();
            var due = await _store.ClaimDueAsync(now, _owner, now + _options.ClaimLease, _options.ClaimBatch, cancellationToken).ConfigureAwait(false);
            if (due.Count == 0)
            {
                break;
            }

            var batch = new Outcome[due.Count];
            await Parallel.ForEachAsync(
                Enumerable.Range(0, due.Count),
                new ParallelOptions { MaxDegreeOfParallelism = _options.MaxConcurrentSends, CancellationToken = cancellationToken },
                async (i, token) => batch[i] = await DeliverGuardedAsync(due[i], now, token).ConfigureAwait(false)).ConfigureAwait(false);
            outcomes.AddRange(batch);
        }

        var pass = new DeliveryPass(
            outcomes.Count,
            outcomes.Count(o => o is Outcome.Sent or Outcome.SentTwice),
            outcomes.Count(o => o == Outcome.Empty),
            outcomes.Count(o => o == Outcome.Retrying),
            outcomes.Count(o => o == Outcome.Paused),
            outcomes.Count(o => o == Outcome.Skipped),
            outcomes.Count(o => o == Outcome.Failed),
            outcomes.Count(o => o == Outcome.SentTwice));
        span?.SetTag("newsbot.digest.due", pass.Due);
        span?.SetTag("newsbot.digest.sent", pass.Sent);
        return pass;
    }

    /// <summary>
    /// The clock to the microsecond, the precision both databases keep: a window that ends at "now" must start the next
    /// one at exactly the same instant once stored.
    /// </summary>
    private DateTimeOffset Now()
    {
        var now = _time.GetUtcNow().UtcTicks;
        return new DateTimeOffset(now - (now % 10), TimeSpan.Zero);
    }

    /// <summary>The boundary for one conversation: whatever goes wrong with it (its stored row, the database) is logged and never stops the pass.</summary>
    private async Task<Outcome> DeliverGuardedAsync(DigestSubscription subscription, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var span = NewsBotTelemetry.Source.StartActivity(NewsBotTelemetry.DigestDeliver);
        span?.SetTag("newsbot.conversation", subscription.ConversationKey);
        Outcome outcome;
        try
        {
            outcome = await DeliverOneAsync(subscription, now, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            Log.Failed(_logger, exception, subscription.ConversationKey);
            outcome = Outcome.Failed;
        }

        var name = outcome == Outcome.SentTwice ? "sent" : outcome.ToString().ToLowerInvariant();
        _metrics.DigestDelivered(name);
        span?.SetTag("newsbot.outcome", name);
        return outcome;
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

        // Sent: only now does the window move. If the process dies between the send and this write, the window is sent
        // again once: by this replica after a restart, or by another once the claim has expired.
        var delivered = _time.GetUtcNow();
        var recorded = await _store.RecordAsync(
            subscription with { WindowStart = now, NextDelivery = next, LastDelivery = delivered, Attempts = 0 },
            subscription.WindowStart,
            cancellationToken).ConfigureAwait(false);
        Log.Delivered(_logger, key, digest.Total, subscription.WindowStart, now);
        if (!recorded)
        {
            // Another replica recorded this window while this one was sending: its claim had expired mid-send.
            Log.DeliveredTwice(_logger, key, subscription.WindowStart);
            _metrics.DigestDuplicate();
            return Outcome.SentTwice;
        }

        return Outcome.Sent;
    }

    private async Task<Outcome> FailedAsync(DigestSubscription subscription, Exception exception, DateTimeOffset now, DateTimeOffset next, CancellationToken cancellationToken)
    {
        var failure = DeliveryFailure.Classify(exception, now);
        _metrics.DigestFailed(failure.Kind.ToString().ToLowerInvariant(), failure.Status);
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

        /// <summary>Sent, but the window had been recorded by another replica meanwhile.</summary>
        SentTwice,
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

        [LoggerMessage(EventId = 109, Level = LogLevel.Warning, Message = "The digest to {Conversation} for the window from {WindowStart} was also sent by another replica (this one's claim had expired while it was sending)")]
        public static partial void DeliveredTwice(ILogger logger, string conversation, DateTimeOffset windowStart);

        [LoggerMessage(EventId = 105, Level = LogLevel.Information, Message = "Digest of {Conversation} due at {Missed} was missed by more than the catch-up limit; the digest at {Next} covers the gap")]
        public static partial void Skipped(ILogger logger, string conversation, DateTimeOffset missed, DateTimeOffset next);
    }
}
