using Microsoft.Extensions.Options;
using Newtonsoft.Json.Linq;

namespace NewsBot.Slack;

/// <summary>
/// <c>chat.postMessage</c> with retries: Slack's 429 (after its <c>Retry-After</c>), 5xx, transient error codes and
/// network failures are tried again up to <see cref="SlackOptions.PostAttempts"/> times with a doubling delay;
/// anything else (<c>not_in_channel</c>, <c>invalid_auth</c>, ...) fails at once. Waits use the injected clock.
/// </summary>
internal sealed partial class SlackPoster(SlackApiClient api, IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackPoster> logger)
{
    public async Task PostAsync(JObject message, CancellationToken cancellationToken)
    {
        var slack = options.Value;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await api.PostMessageAsync(message, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (attempt < slack.PostAttempts && IsTransient(e) && !cancellationToken.IsCancellationRequested)
            {
                var backoff = slack.RetryDelay * Math.Pow(2, attempt - 1);
                var delay = e is SlackApiException { RetryAfter: { } retryAfter } && retryAfter > backoff ? retryAfter : backoff;
                delay = delay > slack.MaxRetryDelay ? slack.MaxRetryDelay : delay;
                Log.Retrying(logger, message.Value<string>("channel") ?? "?", Reason(e), attempt, delay);
                await Task.Delay(delay, time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Whether trying again may succeed: 429, 408, 5xx, Slack's transient error codes, network failures and timeouts.</summary>
    internal static bool IsTransient(Exception e) => e switch
    {
        SlackApiException { Status: 429 or 408 or >= 500 } => true,
        SlackApiException { Error: "ratelimited" or "service_unavailable" or "internal_error" or "fatal_error" or "request_timeout" } => true,
        HttpRequestException or TimeoutException => true,
        TaskCanceledException => true,
        _ => false,
    };

    private static string Reason(Exception e) => e is SlackApiException slack ? slack.Message : e.GetType().Name;

    private static partial class Log
    {
        [LoggerMessage(EventId = 86, Level = LogLevel.Warning, Message = "Slack post to channel {Channel} failed ({Reason}), attempt {Attempt}; retrying in {Delay}")]
        public static partial void Retrying(ILogger logger, string channel, string reason, int attempt, TimeSpan delay);
    }
}
