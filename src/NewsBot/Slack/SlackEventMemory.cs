using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace NewsBot.Slack;

/// <summary>
/// Remembers the event ids already accepted for <see cref="SlackOptions.EventMemory"/>, so that Slack's retries
/// (sent when an acknowledgement is late or lost) are answered but not handled twice.
/// </summary>
internal sealed class SlackEventMemory(IOptions<SlackOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    /// <summary>True the first time an event id is seen within the memory window; false for a repeat.</summary>
    public bool TryAccept(string eventId)
    {
        var now = time.GetUtcNow();
        var window = options.Value.EventMemory;
        foreach (var (id, seen) in _seen)
        {
            if (now - seen > window)
            {
                _seen.TryRemove(id, out _);
            }
        }

        return _seen.TryAdd(eventId, now);
    }
}
