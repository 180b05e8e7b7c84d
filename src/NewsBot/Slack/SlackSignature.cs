using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace NewsBot.Slack;

/// <summary>
/// Slack's request signing (v0): <c>X-Slack-Signature</c> is <c>v0=</c> and the hex HMAC-SHA256 of
/// <c>v0:{X-Slack-Request-Timestamp}:{raw body}</c> keyed with the app's signing secret.
/// </summary>
internal static class SlackSignature
{
    public const string SignatureHeader = "X-Slack-Signature";
    public const string TimestampHeader = "X-Slack-Request-Timestamp";
    private const string Version = "v0";

    public static string Compute(string signingSecret, string timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes($"{Version}:{timestamp}:");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingSecret), message);
        return $"{Version}={Convert.ToHexStringLower(hash)}";
    }

    /// <summary>True when the timestamp is within <paramref name="maxSkew"/> of now and the signature matches (compared in constant time).</summary>
    public static bool IsValid(string signingSecret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan maxSkew)
    {
        if (string.IsNullOrEmpty(timestamp) || string.IsNullOrEmpty(signature)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
        {
            return false;
        }

        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > maxSkew)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Compute(signingSecret, timestamp, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signature));
    }
}
