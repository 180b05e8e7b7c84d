using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using NewsBot.Digests;
using NewsBot.Knowledge.Curation;
using NewsBot.Knowledge.Curation.Feeds;

namespace NewsBot.Curation;

/// <summary>
/// Polls <c>knowledge/_feeds.yml</c> on <see cref="CurationOptions.FeedSchedule"/> (a Cronos expression in UTC, on the
/// injected clock): drafts the feeds' new stories and, when there are new drafts, tells every conversation a curator
/// used curation commands in how many drafts wait. A failed poll is logged and the next scheduled one runs as usual.
/// </summary>
internal sealed partial class FeedPollingService(
    CurationDesk desk,
    CuratorConversations conversations,
    IDigestSender sender,
    IOptions<CurationOptions> options,
    TimeProvider time,
    ILogger<FeedPollingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Schedule() is not { } schedule)
        {
            return;
        }

        Log.Polling(logger, options.Value.FeedSchedule, desk.FeedsFile);
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            if (schedule.GetNextOccurrence(now, TimeZoneInfo.Utc) is not { } next)
            {
                return;
            }

            try
            {
                await Task.Delay(next - now, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                await PollAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                Log.PollFailed(logger, exception);
            }
        }
    }

    /// <summary>One poll: draft what is new, and tell the curators when something is.</summary>
    internal async Task PollAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(desk.FeedsFile))
        {
            return;
        }

        FeedRun run;
        try
        {
            run = await desk.DraftFromFeedsAsync(options.Value.MaxDraftsPerFeed, cancellationToken).ConfigureAwait(false);
        }
        catch (FeedListException ex)
        {
            Log.FeedFailed(logger, desk.FeedsFile, ex.Message);
            return;
        }

        foreach (var feed in run.Feeds)
        {
            if (feed.Error is not null)
            {
                Log.FeedFailed(logger, feed.Url.AbsoluteUri, feed.Error);
            }

            foreach (var failed in feed.Added.Where(a => a.Status == AddStatus.Failed))
            {
                Log.ItemFailed(logger, failed.Url.AbsoluteUri, failed.Message);
            }
        }

        var waiting = desk.Drafts().Count;
        Log.Polled(logger, run.Drafted, run.Feeds.Count, waiting);
        if (run.Drafted > 0)
        {
            await NotifyAsync(run.Drafted, waiting, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task NotifyAsync(int drafted, int waiting, CancellationToken cancellationToken)
    {
        var text = $"{drafted} new {(drafted == 1 ? "draft" : "drafts")} from your feeds: {DraftText.Heading(waiting)}. Send `drafts` to see them.";
        foreach (var reference in await conversations.AllAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await sender.SendAsync(reference, MessageFactory.Text(text), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                Log.NotifyFailed(logger, exception, reference.Conversation?.Id);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 148, Level = LogLevel.Information, Message = "Feeds are polled on the schedule '{Schedule}' (UTC) from {FeedsFile}")]
        public static partial void Polling(ILogger logger, string schedule, string feedsFile);

        [LoggerMessage(EventId = 146, Level = LogLevel.Error, Message = "A feed poll failed; trying again at the next scheduled time")]
        public static partial void PollFailed(ILogger logger, Exception exception);

        [LoggerMessage(EventId = 145, Level = LogLevel.Warning, Message = "Feed {Feed} could not be read: {Reason}")]
        public static partial void FeedFailed(ILogger logger, string feed, string reason);

        [LoggerMessage(EventId = 150, Level = LogLevel.Warning, Message = "Feed item {Url} was not drafted: {Reason}")]
        public static partial void ItemFailed(ILogger logger, string url, string reason);

        [LoggerMessage(EventId = 144, Level = LogLevel.Information, Message = "Feed poll: {Drafted} new draft(s) from {Feeds} feed(s), {Waiting} draft(s) wait for review")]
        public static partial void Polled(ILogger logger, int drafted, int feeds, int waiting);

        [LoggerMessage(EventId = 147, Level = LogLevel.Warning, Message = "Could not tell the curators of {Conversation} that drafts wait")]
        public static partial void NotifyFailed(ILogger logger, Exception exception, string? conversation);
    }
}
