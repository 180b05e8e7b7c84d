using Microsoft.Extensions.Options;
using NewsBot.Hosting;
using NewsBot.Telemetry;

namespace NewsBot.Slack;

/// <summary>
/// Remembers the event ids already accepted, by any replica, for <see cref="SlackOptions.EventMemory"/>
/// (<see cref="ISlackEventStore"/>, in the bot's database), so that Slack's retries (sent when an acknowledgement is
/// late or lost) and the same event delivered to two replicas are answered once. Counted in <c>newsbot.slack.events</c>
/// and <c>newsbot.slack.duplicates</c>.
/// </summary>
internal sealed class SlackEventMemory(ISlackEventStore store, ReplicaIdentity replica, NewsBotMetrics metrics, IOptions<SlackOptions> options, TimeProvider time)
{
    /// <summary>How often expired records are deleted, at most.</summary>
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromMinutes(10);

    private DateTimeOffset _lastPurge = DateTimeOffset.MinValue;

    /// <summary>True the first time a key is seen within the memory window, by this replica or another; false for a repeat.</summary>
    public async Task<bool> TryAcceptAsync(string key, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (now - _lastPurge > PurgeEvery)
        {
            _lastPurge = now;
            await store.PurgeAsync(now, cancellationToken).ConfigureAwait(false);
        }

        var accepted = await store.TryAcceptAsync(key, replica.Id, now, now + options.Value.EventMemory, cancellationToken).ConfigureAwait(false);
        metrics.SlackEvent(duplicate: !accepted);
        return accepted;
    }

    /// <summary>Forgets a key this replica accepted whose work was not queued after all, so Slack's retry of it is handled.</summary>
    public Task ForgetAsync(string key, CancellationToken cancellationToken) => store.ForgetAsync(key, replica.Id, cancellationToken);
}
