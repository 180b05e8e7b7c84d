using System.IdentityModel.Tokens.Jwt;
using System.Text.Json;
using Microsoft.IdentityModel.Tokens;

namespace NewsBot.Bot;

/// <summary>
/// A cheap look at a request's Bot Framework token before its body is read: it must be <c>Bearer</c> and a JWS (three
/// base64url parts) whose header and claims parse. Signature, issuer, audience and expiry are left to the SDK; this
/// only keeps garbage from costing a body read, and from reaching SDK code that throws on it.
/// </summary>
internal static class BotToken
{
    private const string Scheme = "Bearer ";

    /// <summary>Null when the header holds a readable token; otherwise why not, in a few words for the log.</summary>
    public static string? Problem(string? authorization)
    {
        if (string.IsNullOrEmpty(authorization))
        {
            return "no Authorization header";
        }

        if (!authorization.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
        {
            return "not a Bearer token";
        }

        var token = authorization[Scheme.Length..].Trim();
        if (token.Length == 0 || token.Count(c => c == '.') != 2)
        {
            return "not a three-part JWS";
        }

        try
        {
            var jwt = new JwtSecurityToken(token);

            // What the SDK's validation reads before it checks the signature: each throws on a malformed value.
            _ = jwt.Header.Alg;
            _ = jwt.Issuer;
            _ = jwt.Audiences.ToList();
            _ = jwt.ValidFrom;
            _ = jwt.ValidTo;
            _ = jwt.Claims.ToList();
            return null;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or JsonException or SecurityTokenException or InvalidCastException or OverflowException)
        {
            return "malformed token: " + e.GetType().Name;
        }
    }
}
