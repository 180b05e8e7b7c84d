using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace NewsBot.Slack;

/// <summary>
/// Remembers, for <see cref="SlackOptions.EventMemory"/>, the keys of what was accepted from Slack (event ids, and
/// interactivity clicks by action and message), so that Slack's retries and replayed payloads are acknowledged but not
/// handled twice. A key is reserved before its work is queued and forgotten again if the queue refuses the work, so
/// only work that was accepted is remembered.
/// </summary>
internal sealed class SlackEventMemory(IOptions<SlackOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _seen = new(StringComparer.Ordinal);

    /// <summary>True the first time a key is seen within the memory window; false for a repeat (or one being handled).</summary>
    public bool TryAccept(string key)
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

        return _seen.TryAdd(key, now);
    }

    /// <summary>Forgets a key whose work was not accepted after all, so Slack's retry of it is handled.</summary>
    public void Forget(string key) => _seen.TryRemove(key, out _);
}
