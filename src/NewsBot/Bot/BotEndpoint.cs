using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using NewsBot.LocalChat;
using NewsBot.Security;
using Newtonsoft.Json;

namespace NewsBot.Bot;

/// <summary>
/// <c>POST /api/messages</c>: bounded work before Bot Framework's adapter authenticates the request and runs the
/// turn. With an app id the token is looked at before the body is read; the body is read up to
/// <see cref="BotOptions.MaxActivityBytes"/> (413 past it), must be an activity with a well-formed <c>serviceUrl</c>,
/// and in local mode one on this machine. Every hostile input is a 4xx logged as a warning without a stack trace;
/// a bot that cannot fetch Bot Framework's signing keys fails closed with 503.
/// </summary>
internal sealed partial class BotEndpoint(IBotFrameworkHttpAdapter adapter, IBot bot, ServiceUrlPolicy serviceUrls, IOptions<BotOptions> options, BotMode mode, ILogger<BotEndpoint> logger)
{
    public const string OffText = "Bot Framework is off: set MicrosoftAppId to serve Azure Bot Service, or leave LocalChat:Enabled on for local mode.";

    private readonly BotModeKind _mode = mode.Kind;

    public async Task HandleAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var response = context.Response;
        if (_mode == BotModeKind.Off)
        {
            await Results.Text(OffText, statusCode: StatusCodes.Status404NotFound).ExecuteAsync(context).ConfigureAwait(false);
            return;
        }

        if (_mode == BotModeKind.Authenticated && BotToken.Problem(request.Headers.Authorization) is { } tokenProblem)
        {
            Log.TokenRejected(logger, tokenProblem);
            response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var maxBytes = options.Value.MaxActivityBytes;
        var body = await RequestBody.ReadAsync(request, maxBytes, context.RequestAborted).ConfigureAwait(false);
        if (body is null)
        {
            Log.TooLarge(logger, maxBytes);
            response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        if (Refusal(body) is { } refusal)
        {
            response.StatusCode = refusal;
            return;
        }

        // The adapter reads the activity itself: it gets the bytes already read.
        request.Body = new MemoryStream(body, writable: false);
        request.ContentLength = body.Length;
        try
        {
            await adapter.ProcessAsync(request, response, bot, context.RequestAborted).ConfigureAwait(false);
        }
        catch (Exception ex) when (IsTokenFailure(ex) && !response.HasStarted)
        {
            Log.TokenRejected(logger, ex.GetType().Name);
            response.StatusCode = StatusCodes.Status401Unauthorized;
        }
        catch (InvalidOperationException ex) when (ex.Message.StartsWith("IDX20803", StringComparison.Ordinal) && !response.HasStarted)
        {
            // IDX20803: "Unable to obtain configuration" — Bot Framework's OpenID metadata could not be fetched.
            Log.SigningKeysUnavailable(logger, ex.Message);
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        }
    }

    /// <summary>The 4xx for a body that is not an activity the bot may answer, or null when it is one.</summary>
    private int? Refusal(byte[] body)
    {
        Activity? activity;
        try
        {
            activity = BotJson.Deserialize<Activity>(Encoding.UTF8.GetString(body));
        }
        catch (JsonException e)
        {
            Log.NotAnActivity(logger, e.GetType().Name);
            return StatusCodes.Status400BadRequest;
        }

        if (activity is null)
        {
            Log.NotAnActivity(logger, "empty body");
            return StatusCodes.Status400BadRequest;
        }

        if (!ServiceUrlPolicy.IsWellFormed(activity.ServiceUrl, out _))
        {
            Log.BadServiceUrl(logger, activity.ServiceUrl is null ? "missing" : "not an absolute http(s) URL");
            return StatusCodes.Status400BadRequest;
        }

        // With an app id the SDK checks the URL against the token's serviceurl claim; in local mode nothing vouches for it.
        if (_mode == BotModeKind.Local && !serviceUrls.IsAllowed(activity.ServiceUrl, vouchedByToken: false))
        {
            Log.ServiceUrlRefused(logger, activity.ServiceUrl!);
            return StatusCodes.Status403Forbidden;
        }

        return null;
    }

    /// <summary>The SDK's ways of saying a token is bad: its own exceptions, and IdentityModel's IDX argument errors on malformed tokens.</summary>
    private static bool IsTokenFailure(Exception ex) =>
        ex is SecurityTokenException or SecurityTokenArgumentException or UnauthorizedAccessException
        || (ex is ArgumentException && ex.Message.StartsWith("IDX", StringComparison.Ordinal));

    private static partial class Log
    {
        [LoggerMessage(EventId = 24, Level = LogLevel.Warning, Message = "Rejected a request to /api/messages with an invalid token ({Reason})")]
        public static partial void TokenRejected(ILogger logger, string reason);

        [LoggerMessage(EventId = 25, Level = LogLevel.Error, Message = "Cannot fetch Bot Framework's signing keys to check a token; refusing the request ({Reason})")]
        public static partial void SigningKeysUnavailable(ILogger logger, string reason);

        [LoggerMessage(EventId = 26, Level = LogLevel.Warning, Message = "Rejected a request to /api/messages: the body is larger than {MaxBytes} bytes (Bot:MaxActivityBytes)")]
        public static partial void TooLarge(ILogger logger, int maxBytes);

        [LoggerMessage(EventId = 27, Level = LogLevel.Warning, Message = "Rejected a request to /api/messages: the body is not an activity ({Reason})")]
        public static partial void NotAnActivity(ILogger logger, string reason);

        [LoggerMessage(EventId = 28, Level = LogLevel.Warning, Message = "Rejected a request to /api/messages: its serviceUrl is {Reason}")]
        public static partial void BadServiceUrl(ILogger logger, string reason);

        [LoggerMessage(EventId = 29, Level = LogLevel.Warning, Message = "Rejected a request to /api/messages: local mode replies only to service URLs on this machine (or in Bot:AllowedServiceUrls), not {ServiceUrl}")]
        public static partial void ServiceUrlRefused(ILogger logger, string serviceUrl);
    }
}
