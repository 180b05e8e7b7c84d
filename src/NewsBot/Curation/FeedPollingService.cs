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
internal sealed class FeedPollingService(
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

        CurationLog.Polling(logger, options.Value.FeedSchedule, desk.FeedsFile);
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
                CurationLog.PollFailed(logger, exception);
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
            CurationLog.FeedFailed(logger, desk.FeedsFile, ex.Message);
            return;
        }

        foreach (var feed in run.Feeds)
        {
            if (feed.Error is not null)
            {
                CurationLog.FeedFailed(logger, feed.Url.AbsoluteUri, feed.Error);
            }

            foreach (var failed in feed.Added.Where(a => a.Status == AddStatus.Failed))
            {
                CurationLog.ItemFailed(logger, failed.Url.AbsoluteUri, failed.Message);
            }
        }

        var waiting = desk.Drafts().Count;
        CurationLog.Polled(logger, run.Drafted, run.Feeds.Count, waiting);
        if (run.Drafted > 0)
        {
            await NotifyAsync(run.Drafted, waiting, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task NotifyAsync(int drafted, int waiting, CancellationToken cancellationToken)
    {
        var text = $"{drafted} new {(drafted == 1 ? "draft" : "drafts")} from your feeds: {DraftCard.Heading(waiting)}. Send `drafts` to see them.";
        foreach (var reference in await conversations.AllAsync(cancellationToken).ConfigureAwait(false))
        {
            try
            {
                await sender.SendAsync(reference, MessageFactory.Text(text), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                CurationLog.NotifyFailed(logger, exception, reference.Conversation?.Id);
            }
        }
    }
}
