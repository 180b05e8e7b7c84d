using System.ComponentModel.DataAnnotations;

namespace NewsBot.Collection;

/// <summary>Section "Knowledge:Watch": how the running bot follows changes to the knowledge folder.</summary>
public sealed class CollectionSyncOptions
{
    public const string SectionName = "Knowledge:Watch";

    /// <summary>Quiet time after the last file event before syncing, so a burst of changes syncs once. Default 300 ms.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:10")]
    public TimeSpan Debounce { get; set; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Longest a sync waits while events keep coming. Default 1 s, so a change is answerable within 2 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:00:30")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A full rescan even without events, since file watchers can miss changes (network drives). Default 5 min.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan Rescan { get; set; } = TimeSpan.FromMinutes(5);
}
