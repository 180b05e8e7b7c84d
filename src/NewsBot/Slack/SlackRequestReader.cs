using System.Globalization;
using Microsoft.Extensions.Options;
using NewsBot.Security;

namespace NewsBot.Slack;

/// <summary>
/// Reads a Slack request's raw body and checks its signature and timestamp before anything looks at it. The
/// signature headers and the timestamp are checked before the body is read, and the body is read up to
/// <see cref="SlackOptions.MaxRequestBytes"/> only.
/// </summary>
internal sealed partial class SlackRequestReader(IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackRequestReader> logger)
{
    /// <summary>
    /// The body when Slack is on and the request is signed with the signing secret and recent; else the status to
    /// answer (404 while Slack is off; refusals are logged).
    /// </summary>
    public async Task<(byte[]? Body, IResult? Refusal)> ReadVerifiedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var slack = options.Value;
        if (!slack.IsEnabled)
        {
            return (null, Results.NotFound());
        }

        var timestamp = request.Headers[SlackSignature.TimestampHeader].ToString();
        var signature = request.Headers[SlackSignature.SignatureHeader].ToString();
        if (signature.Length == 0 || !IsRecent(timestamp, slack.MaxClockSkew))
        {
            Log.Rejected(logger, request.Path);
            return (null, Results.Unauthorized());
        }

        var body = await RequestBody.ReadAsync(request, slack.MaxRequestBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            Log.TooLarge(logger, request.Path, slack.MaxRequestBytes);
            return (null, Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        }

        if (!SlackSignature.IsValid(slack.SigningSecret!, timestamp, signature, body, time.GetUtcNow(), slack.MaxClockSkew))
        {
            Log.Rejected(logger, request.Path);
            return (null, Results.Unauthorized());
        }

        return (body, null);
    }

    private bool IsRecent(string timestamp, TimeSpan maxSkew) =>
        long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
        && seconds <= DateTimeOffset.MaxValue.ToUnixTimeSeconds()
        && (time.GetUtcNow() - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() <= maxSkew;

    private static partial class Log
    {
        [LoggerMessage(EventId = 80, Level = LogLevel.Warning, Message = "Rejected a Slack request to {Path}: bad signature or a timestamp too far from now")]
        public static partial void Rejected(ILogger logger, string path);

        [LoggerMessage(EventId = 89, Level = LogLevel.Warning, Message = "Rejected a Slack request to {Path}: the body is larger than {MaxBytes} bytes (Slack:MaxRequestBytes)")]
        public static partial void TooLarge(ILogger logger, string path, int maxBytes);
    }
}
