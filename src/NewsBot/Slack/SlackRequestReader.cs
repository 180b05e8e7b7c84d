using Microsoft.Extensions.Options;

namespace NewsBot.Slack;

/// <summary>Reads a Slack request's raw body and checks its signature and timestamp before anything looks at it.</summary>
internal sealed class SlackRequestReader(IOptions<SlackOptions> options, TimeProvider time, ILogger<SlackRequestReader> logger)
{
    /// <summary>Slack's payloads are small; anything larger is not Slack.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>The body when the request is signed with the signing secret and recent; null otherwise (already logged).</summary>
    public async Task<byte[]?> ReadVerifiedAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBodyBytes)
        {
            Log.Rejected(logger, request.Path);
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
            {
                Log.Rejected(logger, request.Path);
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        var body = buffer.ToArray();
        var slack = options.Value;
        var valid = SlackSignature.IsValid(
            slack.SigningSecret!,
            request.Headers[SlackSignature.TimestampHeader],
            request.Headers[SlackSignature.SignatureHeader],
            body,
            time.GetUtcNow(),
            slack.MaxClockSkew);
        if (!valid)
        {
            Log.Rejected(logger, request.Path);
            return null;
        }

        return body;
    }
}
