using Microsoft.Extensions.Options;
using NewsBot.Hosting;
using NewsBot.Telemetry;

namespace NewsBot.Slack;

/// <summary>
/// Remembers, for <see cref="SlackOptions.EventMemory"/>, the keys of what was accepted from Slack by any replica (event
/// ids, and interactivity clicks by action and message) in the bot's database (<see cref="ISlackEventStore"/>), so that
/// Slack's retries, replayed payloads and the same event delivered to two replicas are handled once. A key is reserved
/// before its work is queued and forgotten again if the queue refuses the work, so only work that was accepted is
/// remembered. Counted in <c>newsbot.slack.events</c> and <c>newsbot.slack.duplicates</c>.
/// </summary>
internal sealed class SlackEventMemory(ISlackEventStore store, ReplicaIdentity replica, NewsBotMetrics metrics, IOptions<SlackOptions> options, TimeProvider time)
{
    /// <summary>How often expired records are deleted, at most.</summary>
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromMinutes(10);

    private DateTimeOffset _lastPurge = DateTimeOffset.MinValue;

    /// <summary>True the first time a key is seen within the memory window, by this replica or another; false for a
    /// repeat (or one being handled).</summary>
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
