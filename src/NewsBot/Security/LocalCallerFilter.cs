namespace NewsBot.Security;

/// <summary>Endpoints of local mode that only callers on this machine may use: anyone else gets 403, logged without detail.</summary>
internal static partial class LocalCallerFilter
{
    public const string RefusedText = "This endpoint answers only callers on the machine NewsBot runs on (local mode: no MicrosoftAppId).";

    public static TBuilder RequireLocalCaller<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            if (Loopback.IsLocalCaller(http))
            {
                return await next(context).ConfigureAwait(false);
            }

            var logger = http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LocalCallerFilter));
            Log.Refused(logger, http.Request.Path, http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            return Results.Text(RefusedText, statusCode: StatusCodes.Status403Forbidden);
        });

    private static partial class Log
    {
        [LoggerMessage(EventId = 120, Level = LogLevel.Warning, Message = "Refused a request to {Path} from {RemoteAddress}: local mode answers callers on this machine only (a proxy's forwarding header counts as remote)")]
        public static partial void Refused(ILogger logger, string path, string remoteAddress);
    }
}
