using System.Threading.Channels;
using Microsoft.Extensions.Options;
using NewsBot.Hosting;
using NewsBot.Telemetry;

namespace NewsBot.Slack;

/// <summary>
/// Slack wants an acknowledgement within 3 seconds, so endpoints only accept work here and <see cref="SlackReplyService"/>
/// answers. Accepting stores the question in the database (<see cref="ISlackReplyStore"/>) in the same transaction that
/// remembers its key for <see cref="SlackOptions.EventMemory"/>, before Slack gets its 200: a replica that dies before
/// posting the answer leaves the question to the others. Slack's retries, replayed payloads and the same event delivered
/// to two replicas are accepted once. The keys this replica holds are also handed to its own workers in memory
/// (<see cref="Ready"/>), so they start at once. Bounded (<see cref="SlackOptions.QueueCapacity"/> per replica): when
/// full, a question is refused and nothing remembered, and the endpoint tells Slack to retry. Counted in
/// <c>newsbot.slack.events</c> and <c>newsbot.slack.duplicates</c>.
/// </summary>
internal sealed class SlackReplyQueue(ISlackReplyStore store, ReplicaIdentity replica, NewsBotMetrics metrics, IOptions<SlackOptions> options, TimeProvider time)
{
    /// <summary>How often expired key records are deleted, at most.</summary>
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromMinutes(10);

    private readonly Channel<string> _ready = Channel.CreateUnbounded<string>();
    private readonly HashSet<string> _held = new(StringComparer.Ordinal);
    private DateTimeOffset _lastPurge = DateTimeOffset.MinValue;

    /// <summary>Keys of the replies this replica holds and has not started, in the order they came.</summary>
    public ChannelReader<string> Ready => _ready.Reader;

    /// <summary>Replies this replica holds: waiting in <see cref="Ready"/> or being worked on.</summary>
    public int Backlog
    {
        get
        {
            lock (_held)
            {
                return _held.Count;
            }
        }
    }

    /// <summary>Stores <paramref name="work"/> under <paramref name="key"/> for this replica, unless the key was accepted before or the queue is full.</summary>
    public async Task<SlackAcceptance> AcceptAsync(string key, SlackReplyWork work, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now - _lastPurge > PurgeEvery)
        {
            _lastPurge = now;
            await store.PurgeAsync(now, cancellationToken).ConfigureAwait(false);
        }

        var slack = options.Value;
        var acceptance = await store.TryAcceptAsync(key, work, replica.Id, now, now + slack.EventMemory, now + slack.ReplyLease, slack.QueueCapacity, cancellationToken).ConfigureAwait(false);
        metrics.SlackEvent(duplicate: acceptance == SlackAcceptance.Repeat);
        if (acceptance == SlackAcceptance.Accepted)
        {
            Hold(key);
        }

        return acceptance;
    }

    /// <summary>Hands a reply this replica holds to its workers; false when they have it already.</summary>
    public bool Hold(string key)
    {
        lock (_held)
        {
            if (!_held.Add(key))
            {
                return false;
            }
        }

        _ready.Writer.TryWrite(key);
        return true;
    }

    /// <summary>A worker is done with <paramref name="key"/> (posted, given up or let go).</summary>
    public void Done(string key)
    {
        lock (_held)
        {
            _held.Remove(key);
        }
    }

    /// <summary>Takes the keys no worker has started, so that they can be released on shutdown.</summary>
    public IReadOnlyList<string> TakeUnstarted()
    {
        var keys = new List<string>();
        while (_ready.Reader.TryRead(out var key))
        {
            keys.Add(key);
            Done(key);
        }

        return keys;
    }
}
