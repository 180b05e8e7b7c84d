using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.IdentityModel.Tokens;

namespace NewsBot.Bot;

/// <summary>
/// <c>POST /api/messages</c>: hands the request to Bot Framework's adapter, which authenticates it and runs the
/// turn. The SDK lets a malformed token escape as an exception; a forged request must get 401, not a server
/// error, and a bot that cannot fetch Bot Framework's signing keys fails closed with 503.
/// </summary>
internal static partial class BotEndpoint
{
    public static async Task HandleAsync(HttpContext context, IBotFrameworkHttpAdapter adapter, IBot bot, ILogger<NewsBotAdapter> logger)
    {
        try
        {
            await adapter.ProcessAsync(context.Request, context.Response, bot, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is SecurityTokenException or SecurityTokenArgumentException && !context.Response.HasStarted)
        {
            Log.TokenRejected(logger, ex.GetType().Name);
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("IDX20803", StringComparison.Ordinal) && !context.Response.HasStarted)
        {
            // IDX20803: "Unable to obtain configuration" — Bot Framework's OpenID metadata could not be fetched.
            Log.SigningKeysUnavailable(logger, ex);
            context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 24, Level = LogLevel.Warning, Message = "Rejected a request to /api/messages with an invalid token ({Reason})")]
        public static partial void TokenRejected(ILogger logger, string reason);

        [LoggerMessage(EventId = 25, Level = LogLevel.Error, Message = "Cannot fetch Bot Framework's signing keys to check a token; refusing the request")]
        public static partial void SigningKeysUnavailable(ILogger logger, Exception exception);
    }
}
