namespace NewsBot.Slack;

/// <summary>
/// A Slack Web API call that failed: an HTTP error status (429 with its <c>Retry-After</c>, 5xx) or Slack's
/// <c>ok: false</c> with its <c>error</c> code (<c>channel_not_found</c>, <c>not_in_channel</c>, ...).
/// </summary>
internal sealed class SlackApiException : Exception
{
    public SlackApiException(string method, int? status, string? error, TimeSpan? retryAfter = null)
        : base($"Slack {method} failed: {error ?? (status is { } code ? $"HTTP {code}" : "no error given")}")
    {
        Status = status;
        Error = error;
        RetryAfter = retryAfter;
    }

    /// <summary>The HTTP status when it was not a success; null when Slack answered 200 with <c>ok: false</c>.</summary>
    public int? Status { get; }

    /// <summary>Slack's error code, when it gave one.</summary>
    public string? Error { get; }

    public TimeSpan? RetryAfter { get; }
}
