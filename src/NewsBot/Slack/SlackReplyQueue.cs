using System.Threading.Channels;
using Microsoft.Extensions.Options;

namespace NewsBot.Slack;

/// <summary>A question accepted from Slack, to be answered after the request was acknowledged.</summary>
/// <param name="ThreadTs">The thread to reply in, or null for a top-level message.</param>
/// <param name="ConversationType">"channel" (a mention), "im" (a direct message) or "slash" (the slash command or its share button).</param>
/// <param name="Preface">Mrkdwn shown above the answer (e.g. who shared it), or null.</param>
/// <param name="User">The Slack user who asked, when Slack said.</param>
/// <param name="BotUser">The bot's own Slack user id, when Slack said.</param>
internal sealed record SlackReplyWork(string Channel, string? ThreadTs, string Question, string ConversationType, string? Preface = null, string? User = null, string? BotUser = null);

/// <summary>
/// Slack wants an acknowledgement within 3 seconds, so endpoints only enqueue here and <see cref="SlackReplyService"/>
/// answers. Bounded (<see cref="SlackOptions.QueueCapacity"/>): when full, a question is refused, and the endpoint
/// tells Slack to retry rather than memory growing without limit.
/// </summary>
internal sealed class SlackReplyQueue(IOptions<SlackOptions> options)
{
    private readonly Channel<SlackReplyWork> _work = Channel.CreateBounded<SlackReplyWork>(
        new BoundedChannelOptions(options.Value.QueueCapacity) { FullMode = BoundedChannelFullMode.Wait });

    public ChannelReader<SlackReplyWork> Reader => _work.Reader;

    public bool TryEnqueue(SlackReplyWork work) => _work.Writer.TryWrite(work);
}
