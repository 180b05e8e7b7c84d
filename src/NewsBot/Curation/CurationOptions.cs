using System.ComponentModel.DataAnnotations;
using Cronos;
using NewsBot.Knowledge.Curation.Web;

namespace NewsBot.Curation;

/// <summary>Section "Curation": who may add articles in chat, how pages are fetched, and when feeds are polled.</summary>
public sealed class CurationOptions
{
    public const string SectionName = "Curation";

    /// <summary>"off" in <see cref="FeedSchedule"/>: the running bot does not poll feeds.</summary>
    public const string Off = "off";

    /// <summary>
    /// User ids allowed to use <c>add</c>, <c>drafts</c>, <c>publish</c> and <c>discard</c> in chat: Teams AAD object ids
    /// (or Teams user ids "29:..."), Slack user ids ("U0123ABC"). Default: nobody.
    /// </summary>
    public List<string> Curators { get; set; } = [];

    /// <summary>Fetch from loopback and private addresses too. Default false; true only for tests on 127.0.0.1.</summary>
    public bool AllowPrivateHosts { get; set; }

    /// <summary>Cron expression (UTC, five fields) for polling <c>knowledge/_feeds.yml</c> in the running bot, or "off". Default hourly, "0 * * * *".</summary>
    [Required]
    public string FeedSchedule { get; set; } = "0 * * * *";

    /// <summary>A page or feed must be fetched whole within this. Default 10 s.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00")]
    public TimeSpan FetchTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Largest page or feed read, in bytes. Default 5 MiB.</summary>
    [Range(64 * 1024, 100 * 1024 * 1024)]
    public long MaxPageBytes { get; set; } = 5 * 1024 * 1024;

    /// <summary>Redirects followed at most. Default 5.</summary>
    [Range(0, 20)]
    public int MaxRedirects { get; set; } = 5;

    /// <summary>New drafts made from one feed in one pass at most; the rest wait for the next. Default 10.</summary>
    [Range(1, 100)]
    public int MaxDraftsPerFeed { get; set; } = 10;

    public FetchLimits Limits => new()
    {
        Timeout = FetchTimeout,
        MaxBytes = MaxPageBytes,
        MaxRedirects = MaxRedirects,
        AllowPrivateHosts = AllowPrivateHosts,
    };

    /// <summary>The feed schedule, or null when it is "off". Throws <see cref="CronFormatException"/> on a bad expression.</summary>
    public CronExpression? Schedule() =>
        string.Equals(FeedSchedule.Trim(), Off, StringComparison.OrdinalIgnoreCase) ? null : CronExpression.Parse(FeedSchedule.Trim());

    /// <summary>True when <see cref="FeedSchedule"/> is "off" or a valid cron expression.</summary>
    public bool HasValidSchedule()
    {
        try
        {
            _ = Schedule();
            return true;
        }
        catch (CronFormatException)
        {
            return false;
        }
    }
}
