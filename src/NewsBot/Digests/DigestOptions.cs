using System.ComponentModel.DataAnnotations;

namespace NewsBot.Digests;

/// <summary>Section "Digests": what a digest holds and how deliveries are paced and retried.</summary>
public sealed class DigestOptions
{
    public const string SectionName = "Digests";

    /// <summary>Articles shown at most; the rest are counted ("and 4 more"). Default 10.</summary>
    [Range(1, 50)]
    public int MaxItems { get; set; } = 10;

    /// <summary>Posted when a window holds no article. Default null: an empty window posts nothing.</summary>
    public string? NothingNewText { get; set; }

    /// <summary>A delivery missed (bot down) by at most this long is caught up once on start; older ones are left to the next regular digest. Default 24 h.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan CatchUpWithin { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Sends per second across all conversations, per replica (Teams allows about 50 per app per tenant: divide it among the replicas). Default 20; 0 does not pace.</summary>
    [Range(0, 1000)]
    public double MessagesPerSecond { get; set; } = 20;

    /// <summary>Conversations sent to at once, so a slow one never holds up the rest. Default 8.</summary>
    [Range(1, 256)]
    public int MaxConcurrentSends { get; set; } = 8;

    /// <summary>Attempts at one window after 429 or 5xx before it is left to the next regular digest. Default 5.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>First retry delay after a 429 or 5xx without Retry-After; doubles per attempt. Default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Longest retry delay, also for a larger Retry-After. Default 15 min.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long a replica's claim on the conversations it is delivering to holds. A replica that dies mid-delivery leaves
    /// its unsent conversations to the others once this has passed, so it bounds how late they get their digest; it must
    /// be longer than a send can take (the connector's HTTP timeout is 100 s), or a slow send may be repeated by another
    /// replica. Default 5 min.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "01:00:00")]
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Due conversations a replica claims at a time; smaller batches spread a busy delivery time across replicas. Default 32.</summary>
    [Range(1, 1000)]
    public int ClaimBatch { get; set; } = 32;

    /// <summary>Longest the delivery service sleeps before looking for due subscriptions (new ones included). Default 1 min.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(1);
}
