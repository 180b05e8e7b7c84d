using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using NewsBot.Bot.Replies;
using NewsBot.Hosting;

namespace NewsBot.Slack;

/// <summary>
/// Works on one Slack question this replica holds: starts it in the database (counting the attempt and renewing the
/// lease for <see cref="SlackOptions.ReplyLease"/>), runs it as a turn of the bot (<see cref="SlackTurn"/>), posts the
/// reply with <c>chat.postMessage</c> (retried by <see cref="SlackPoster"/>) and deletes it. A reply Slack refused for
/// good (<c>not_in_channel</c>, <c>invalid_auth</c>) is deleted too; one that failed otherwise is let go for any
/// replica's next sweep, up to <see cref="SlackOptions.ReplyAttempts"/> attempts, then given up with a log line.
/// </summary>
internal sealed partial class SlackReplyRunner(
    ISlackReplyStore store,
    SlackTurn turn,
    SlackPoster poster,
    ReplicaIdentity replica,
    IOptions<SlackOptions> options,
    TimeProvider time,
    ILogger<SlackReplyRunner> logger)
{
    /// <param name="cancellationToken">Cancelled when the host stops before the work is done: the question is let go for another replica.</param>
    public async Task RunAsync(string key, CancellationToken cancellationToken)
    {
        var slack = options.Value;
        var now = time.GetUtcNow();
        if (await store.StartAsync(key, replica.Id, now, now + slack.ReplyLease, slack.ReplyAttempts, cancellationToken).ConfigureAwait(false) is not { } start)
        {
            // Posted already, or another replica took it once this one's lease had expired.
            Log.NotHeld(logger, key);
            return;
        }

        var work = start.Work;
        if (start.GivenUp)
        {
            // The last attempt ended without a word (its replica died answering): not again.
            Log.GaveUp(logger, work.Channel, start.Attempt - 1);
            return;
        }

        try
        {
            if (await turn.ReplyAsync(work, cancellationToken).ConfigureAwait(false) is { } message)
            {
                await poster.PostAsync(Address(message, work), cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await store.ReleaseAsync([key], replica.Id, time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
            return;
        }
        catch (SlackApiException exception) when (!SlackPoster.IsTransient(exception))
        {
            // Slack refused for good: its error says why, no stack trace needed, and trying again would not help.
            Log.ReplyRefused(logger, work.Channel, exception.Message);
            await store.RemoveAsync(key, replica.Id, CancellationToken.None).ConfigureAwait(false);
            return;
        }
        catch (Exception exception)
        {
            // Slack unreachable or failing, or a bug: one failed reply must not stop the answers to everyone else.
            await TryAgainLaterAsync(key, start, exception).ConfigureAwait(false);
            return;
        }

        // Posted: recorded even while the host stops, or the question would be answered again.
        if (!await store.RemoveAsync(key, replica.Id, CancellationToken.None).ConfigureAwait(false))
        {
            Log.LeaseLost(logger, work.Channel);
        }
    }

    internal static JObject Address(JObject message, SlackReplyWork work)
    {
        message["channel"] = work.Channel;
        if (work.ThreadTs is not null)
        {
            message["thread_ts"] = work.ThreadTs;
        }

        if (work.Preface is not null && message["blocks"] is JArray blocks)
        {
            blocks.Insert(0, SlackMessage.Context(work.Preface));
            message["text"] = work.Preface + "\n" + message.Value<string>("text");
        }

        return message;
    }

    private async Task TryAgainLaterAsync(string key, SlackReplyStart start, Exception exception)
    {
        var channel = start.Work.Channel;
        var attempts = options.Value.ReplyAttempts;
        if (SlackPoster.IsTransient(exception))
        {
            Log.PostFailed(logger, channel, exception is SlackApiException slack ? slack.Message : exception.GetType().Name, start.Attempt, attempts);
        }
        else
        {
            Log.ReplyFailed(logger, exception, channel, start.Attempt, attempts);
        }

        if (start.Attempt >= attempts)
        {
            Log.GaveUp(logger, channel, start.Attempt);
            await store.RemoveAsync(key, replica.Id, CancellationToken.None).ConfigureAwait(false);
            return;
        }

        await store.ReleaseAsync([key], replica.Id, time.GetUtcNow(), CancellationToken.None).ConfigureAwait(false);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 82, Level = LogLevel.Error, Message = "Slack reply to channel {Channel} failed, attempt {Attempt} of {Attempts}")]
        public static partial void ReplyFailed(ILogger logger, Exception exception, string channel, int attempt, int attempts);

        [LoggerMessage(EventId = 87, Level = LogLevel.Warning, Message = "Slack reply to channel {Channel} failed: {Reason}")]
        public static partial void ReplyRefused(ILogger logger, string channel, string reason);

        [LoggerMessage(EventId = 91, Level = LogLevel.Warning, Message = "Slack reply to channel {Channel} failed ({Reason}), attempt {Attempt} of {Attempts}")]
        public static partial void PostFailed(ILogger logger, string channel, string reason, int attempt, int attempts);

        [LoggerMessage(EventId = 92, Level = LogLevel.Error, Message = "Gave up on a Slack question from channel {Channel} after {Attempts} attempts (Slack:ReplyAttempts)")]
        public static partial void GaveUp(ILogger logger, string channel, int attempts);

        [LoggerMessage(EventId = 93, Level = LogLevel.Warning, Message = "Posted a Slack reply to channel {Channel} after this replica's lease on it had expired: another replica may post it too (keep Slack:ReplyLease above an answer's time)")]
        public static partial void LeaseLost(ILogger logger, string channel);

        [LoggerMessage(EventId = 94, Level = LogLevel.Debug, Message = "Slack question {Key} is done or held by another replica")]
        public static partial void NotHeld(ILogger logger, string key);
    }
}
