using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace NewsBot.LocalChat;

/// <summary>
/// ASP.NET Core rate limits on the local chat: new conversations across all callers (so a flood of token requests
/// cannot evict everyone else's conversations) and posted activities per conversation. Past a limit the answer is
/// 429 with <c>Retry-After</c>.
/// </summary>
internal static partial class LocalChatRateLimits
{
    public const string NewConversation = "local-chat-new-conversation";
    public const string PerConversation = "local-chat-per-conversation";

    public static void Add(IServiceCollection services)
    {
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<LocalChatOptions>>((limiter, localChat) =>
        {
            var options = localChat.Value;
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) =>
            {
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                {
                    context.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                }

                var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(LocalChatRateLimits));
                Log.Limited(logger, context.HttpContext.Request.Path);
                return ValueTask.CompletedTask;
            };

            // A start with a token continues a conversation that already counted; only token-less starts make one.
            limiter.AddPolicy(NewConversation, context => context.Request.Headers.Authorization.Count > 0
                ? RateLimitPartition.GetNoLimiter("existing")
                : RateLimitPartition.GetTokenBucketLimiter("new", _ => Bucket(options.NewConversationsPerWindow, options.RateLimitWindow)));
            limiter.AddPolicy(PerConversation, context => RateLimitPartition.GetTokenBucketLimiter(
                context.Request.RouteValues["conversationId"] as string ?? string.Empty,
                _ => Bucket(options.ActivitiesPerWindow, options.RateLimitWindow)));
        });
    }

    private static TokenBucketRateLimiterOptions Bucket(int perWindow, TimeSpan window) => new()
    {
        TokenLimit = perWindow,
        TokensPerPeriod = perWindow,
        ReplenishmentPeriod = window,
        QueueLimit = 0,
        AutoReplenishment = true,
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = 67, Level = LogLevel.Warning, Message = "Local chat: refused a request to {Path} over the rate limit (LocalChat:NewConversationsPerWindow, LocalChat:ActivitiesPerWindow)")]
        public static partial void Limited(ILogger logger, string path);
    }
}
