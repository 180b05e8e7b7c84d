using Newtonsoft.Json.Linq;
using NewsBot.Bot.Replies;

namespace NewsBot.Slack;

/// <summary>Answers the queued Slack questions and posts the replies with <c>chat.postMessage</c>, one at a time.</summary>
internal sealed class SlackReplyService(SlackReplyQueue queue, SlackAnswerer answerer, SlackApiClient api, ILogger<SlackReplyService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var work in queue.Reader.ReadAllAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                var message = await answerer.ReplyAsync(work.Question, work.ConversationType, work.Channel, stoppingToken).ConfigureAwait(false);
                await api.PostMessageAsync(Address(message, work), stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                // One failed reply (Slack down, a revoked token) must not stop the answers to everyone else.
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
