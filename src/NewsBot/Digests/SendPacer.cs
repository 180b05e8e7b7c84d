namespace NewsBot.Digests;

/// <summary>
/// Spaces sends evenly across all conversations (one slot every 1/<c>perSecond</c> seconds) on the injected
/// clock, so a thousand subscriptions due at 09:00 stay under the channel's per-app rate. 0 per second does not pace.
/// </summary>
internal sealed class SendPacer(TimeProvider time, double perSecond)
{
    private readonly Lock _lock = new();
    private readonly TimeSpan _interval = perSecond > 0 ? TimeSpan.FromSeconds(1 / perSecond) : TimeSpan.Zero;
    private DateTimeOffset _nextSlot = DateTimeOffset.MinValue;

    public Task WaitAsync(CancellationToken cancellationToken)
    {
        if (_interval == TimeSpan.Zero)
        {
            return Task.CompletedTask;
        }

        TimeSpan wait;
        lock (_lock)
        {
            var now = time.GetUtcNow();
            var slot = _nextSlot > now ? _nextSlot : now;
            _nextSlot = slot + _interval;
            wait = slot - now;
        }

        return wait > TimeSpan.Zero ? Task.Delay(wait, time, cancellationToken) : Task.CompletedTask;
    }
}
