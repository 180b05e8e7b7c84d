using System.Globalization;
using System.Net;
using Microsoft.Bot.Schema;
using Microsoft.Rest;
using NewsBot.Security;
using NewsBot.Slack;

namespace NewsBot.Digests;

/// <summary>What a failed send means for the subscription.</summary>
internal enum DeliveryFailureKind
{
    /// <summary>429, 5xx, a timeout or a network error: try again later.</summary>
    Transient,

    /// <summary>403 or 404: the bot was removed or the conversation is gone; pause until someone subscribes again.</summary>
    Gone,

    /// <summary>Anything else (400, a bug): leave this window to the next regular digest.</summary>
    Permanent,
}

/// <summary>A failed send classified from the Bot Connector's exception, with the status and any Retry-After.</summary>
internal sealed record DeliveryFailure(DeliveryFailureKind Kind, int? Status, TimeSpan? RetryAfter, string Reason)
{
    public static DeliveryFailure Classify(Exception exception, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(exception);
        if (exception is SlackApiException slack)
        {
            return ClassifySlack(slack);
        }

        if (exception is ServiceUrlNotAllowedException refused)
        {
            return new(DeliveryFailureKind.Gone, null, null, refused.Message);
        }

        var response = exception switch
        {
            ErrorResponseException e => e.Response,
            HttpOperationException e => e.Response,
            _ => null,
        };
        int? status = response is not null ? (int)response.StatusCode : (int?)(exception as HttpRequestException)?.StatusCode;
        var retryAfter = response?.Headers is { } headers ? ParseRetryAfter(headers, now) : null;
        return status switch
        {
            (int)HttpStatusCode.Forbidden => new(DeliveryFailureKind.Gone, status, null, "the bot is not allowed to post here any more (403: removed from the conversation or blocked)"),
            (int)HttpStatusCode.NotFound => new(DeliveryFailureKind.Gone, status, null, "the conversation no longer exists (404)"),
            (int)HttpStatusCode.TooManyRequests or (int)HttpStatusCode.RequestTimeout or >= 500 => new(DeliveryFailureKind.Transient, status, retryAfter, $"HTTP {status}"),
            null when exception is HttpRequestException or TimeoutException or TaskCanceledException => new(DeliveryFailureKind.Transient, null, null, exception.GetType().Name),
            _ => new(DeliveryFailureKind.Permanent, status, null, status is null ? exception.GetType().Name : $"HTTP {status}"),
        };
    }

    /// <summary>
    /// A <c>chat.postMessage</c> failure (Slack reached directly): HTTP statuses as for the connector, and Slack's
    /// error codes for a channel the bot can no longer post to pause the subscription.
    /// </summary>
    private static DeliveryFailure ClassifySlack(SlackApiException exception) => (exception.Status, exception.Error) switch
    {
        (_, "channel_not_found") => new(DeliveryFailureKind.Gone, exception.Status, null, "Slack says channel_not_found: the channel was deleted or the bot cannot see it"),
        (_, "not_in_channel") => new(DeliveryFailureKind.Gone, exception.Status, null, "Slack says not_in_channel: invite the bot to the channel (/invite) and type `digest on`"),
        (_, "is_archived") => new(DeliveryFailureKind.Gone, exception.Status, null, "Slack says is_archived: the channel was archived"),
        (_, "account_inactive" or "token_revoked" or "invalid_auth") => new(DeliveryFailureKind.Gone, exception.Status, null, $"Slack says {exception.Error}: the bot's token no longer works"),
        ((int)HttpStatusCode.TooManyRequests or (int)HttpStatusCode.RequestTimeout or >= 500, _) => new(DeliveryFailureKind.Transient, exception.Status, exception.RetryAfter, $"HTTP {exception.Status} from Slack"),
        (_, "ratelimited" or "service_unavailable" or "internal_error" or "fatal_error" or "request_timeout") => new(DeliveryFailureKind.Transient, exception.Status, exception.RetryAfter, $"Slack says {exception.Error}"),
        _ => new(DeliveryFailureKind.Permanent, exception.Status, null, exception.Error is { } error ? $"Slack says {error}" : $"HTTP {exception.Status} from Slack"),
    };

    /// <summary>Retry-After as seconds or as an HTTP date.</summary>
    private static TimeSpan? ParseRetryAfter(IDictionary<string, IEnumerable<string>> headers, DateTimeOffset now)
    {
        var value = headers.FirstOrDefault(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        if (value is null)
        {
            return null;
        }

        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date) && date > now ? date - now : TimeSpan.Zero;
    }
}
