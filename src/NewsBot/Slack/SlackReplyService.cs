using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;
using NewsBot.Bot.Replies;

namespace NewsBot.Slack;

/// <summary>
/// Runs the queued Slack questions as turns of the bot (<see cref="SlackTurn"/>) and posts the replies with <c>chat.postMessage</c> (retried by
/// <see cref="SlackPoster"/>), <see cref="SlackOptions.MaxConcurrentReplies"/> at a time, so that a slow Slack API
/// does not let the queue fill.
/// </summary>
internal sealed class SlackReplyService(SlackReplyQueue queue, SlackTurn turn, SlackPoster poster, IOptions<SlackOptions> options, ILogger<SlackReplyService> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, options.Value.MaxConcurrentReplies).Select(_ => Task.Run(() => WorkAsync(stoppingToken), stoppingToken)));

    private async Task WorkAsync(CancellationToken stoppingToken)
    {
        await foreach (var work in queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                if (await turn.ReplyAsync(work, stoppingToken).ConfigureAwait(false) is { } message)
                {
                    await poster.PostAsync(Address(message, work), stoppingToken).ConfigureAwait(false);
                }
            }
            catch (SlackApiException exception)
            {
                // Slack refused for good (not_in_channel, invalid_auth) or kept failing: its error says why, no stack trace needed.
                Log.ReplyRefused(logger, work.Channel, exception.Message);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // One failed reply (Slack unreachable, a bug) must not stop the answers to everyone else.
                Log.ReplyFailed(logger, exception, work.Channel);
            }
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
}
