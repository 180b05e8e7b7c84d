namespace NewsBot.Collection;

/// <summary>
/// The paths file events reported since the last sync, gathered from the watcher's threads. Too many of them, or
/// a watcher error (its buffer overflowed, so events were lost), and the next sync walks the whole folder instead.
/// </summary>
internal sealed class ChangedPaths
{
    /// <summary>Beyond this many paths a full walk costs about as much as looking at each, and keeps memory bounded.</summary>
    public const int MaxPaths = 1000;

    private readonly Lock _lock = new();
    private HashSet<string> _paths = new(StringComparer.Ordinal);
    private bool _everything;

    public void Add(string path)
    {
        lock (_lock)
        {
            if (!_everything && _paths.Add(path) && _paths.Count > MaxPaths)
            {
                MarkEverything();
            }
        }
    }

    /// <summary>Events were lost: the next sync must walk the whole folder.</summary>
    public void AddEverything()
    {
        lock (_lock)
        {
            MarkEverything();
        }
    }

    /// <summary>The paths to sync, or null for the whole folder; starts gathering afresh.</summary>
    public IReadOnlyCollection<string>? Take()
    {
        lock (_lock)
        {
            var paths = _everything ? null : _paths;
            _paths = new HashSet<string>(StringComparer.Ordinal);
            _everything = false;
            return paths;
        }
    }

    private void MarkEverything()
    {
        _everything = true;
        _paths.Clear();
    }
}
