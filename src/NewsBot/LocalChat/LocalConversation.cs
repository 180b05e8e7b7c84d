using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Bot.Schema;

namespace NewsBot.LocalChat;

/// <summary>
/// One local chat conversation: its Direct Line tokens and its transcript as a log that clients read from a
/// watermark on. Each stored activity has a sequence number; the watermark is the last one a client has seen, so
/// an updated activity is appended again with a new number and polling clients get it.
/// </summary>
internal sealed class LocalConversation
{
    private readonly Lock _gate = new();
    private readonly List<(long Sequence, Activity Activity)> _log = [];
    private readonly int _maxActivities;
    private (string Secret, DateTimeOffset Expires)[] _tokens = [];
    private long _sequence;
    private long _activityCount;
    private bool _started;

    public LocalConversation(string id, ChannelAccount user, DateTimeOffset now, int maxActivities)
    {
        Id = id;
        User = user;
        LastActive = now;
        _maxActivities = maxActivities;
    }

    public string Id { get; }

    /// <summary>The Web Chat user, as the page named it when it asked for a token.</summary>
    public ChannelAccount User { get; }

    public DateTimeOffset LastActive { get; private set; }

    public void Touch(DateTimeOffset now)
    {
        lock (_gate)
        {
            if (now > LastActive)
            {
                LastActive = now;
            }
        }
    }

    /// <summary>True the first time only: the bot is told once that the user joined.</summary>
    public bool MarkStarted()
    {
        lock (_gate)
        {
            var first = !_started;
            _started = true;
            return first;
        }
    }

    /// <summary>
    /// A new token, <c>{conversationId}.{secret}</c>. The previous token stays valid until it expires, so a poll
    /// already on its way while Web Chat refreshes does not fail.
    /// </summary>
    public string IssueToken(DateTimeOffset now, TimeSpan lifetime)
    {
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        lock (_gate)
        {
            _tokens = [.. _tokens.Where(t => t.Expires > now).TakeLast(1), (secret, now + lifetime)];
        }

        return Id + "." + secret;
    }

    public bool Accepts(string token, DateTimeOffset now)
    {
        if (!token.StartsWith(Id + ".", StringComparison.Ordinal))
        {
            return false;
        }

        var presented = Encoding.UTF8.GetBytes(token[(Id.Length + 1)..]);
        (string Secret, DateTimeOffset Expires)[] tokens;
        lock (_gate)
        {
            tokens = _tokens;
        }

        var valid = false;
        foreach (var (secret, expires) in tokens)
        {
            valid |= CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes(secret)) && expires > now;
        }

        return valid;
    }

    /// <summary>Stores the activity with a new id (<c>{conversationId}|0000001</c>) and the given timestamp.</summary>
    public Activity Append(Activity activity, DateTimeOffset now)
    {
        lock (_gate)
        {
            _activityCount++;
            activity.Id = string.Create(CultureInfo.InvariantCulture, $"{Id}|{_activityCount:D7}");
            activity.Timestamp = now;
            AppendLocked(activity, now);
            return activity;
        }
    }

    /// <summary>Replaces the activity with the same id, keeping its timestamp; false when it is not (or no longer) stored.</summary>
    public bool Replace(Activity activity, DateTimeOffset now)
    {
        lock (_gate)
        {
            var at = _log.FindIndex(e => e.Activity.Id == activity.Id);
            if (at < 0)
            {
                return false;
            }

            activity.Timestamp = _log[at].Activity.Timestamp;
            _log.RemoveAt(at);
            AppendLocked(activity, now);
            return true;
        }
    }

    public bool Remove(string activityId)
    {
        lock (_gate)
        {
            return _log.RemoveAll(e => e.Activity.Id == activityId) > 0;
        }
    }

    /// <summary>The activities stored after <paramref name="watermark"/>, and the watermark to ask from next.</summary>
    public (IReadOnlyList<Activity> Activities, long Watermark) Since(long watermark)
    {
        lock (_gate)
        {
            var activities = _log.Where(e => e.Sequence > watermark).Select(e => e.Activity).ToList();
            return (activities, _sequence);
        }
    }

    private void AppendLocked(Activity activity, DateTimeOffset now)
    {
        _log.Add((++_sequence, activity));
        if (_log.Count > _maxActivities)
        {
            _log.RemoveRange(0, _log.Count - _maxActivities);
        }

        LastActive = now > LastActive ? now : LastActive;
    }
}
