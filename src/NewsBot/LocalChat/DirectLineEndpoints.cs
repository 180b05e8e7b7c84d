using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace NewsBot.LocalChat;

/// <summary>
/// The part of Direct Line 3.0 that Web Chat uses when polling, served by this app for the local chat page:
/// tokens, starting a conversation, posting an activity and reading activities from a watermark on. Conversation
/// calls need the conversation's token as <c>Authorization: Bearer</c>.
/// </summary>
internal static class DirectLineEndpoints
{
    public const string Prefix = "/v3/directline";

    public static RouteGroupBuilder Map(IEndpointRouteBuilder app)
    {
        var directLine = app.MapGroup(Prefix);
        directLine.MapPost("/tokens/generate", GenerateTokenAsync).RequireRateLimiting(LocalChatRateLimits.NewConversation);
        directLine.MapPost("/tokens/refresh", RefreshToken);
        directLine.MapPost("/conversations", StartConversationAsync).RequireRateLimiting(LocalChatRateLimits.NewConversation);
        directLine.MapPost("/conversations/{conversationId}/activities", PostActivityAsync).RequireRateLimiting(LocalChatRateLimits.PerConversation);
        directLine.MapGet("/conversations/{conversationId}/activities", GetActivities);
        return directLine;
    }

    /// <summary>A token for a new conversation; the optional body <c>{"user": {"id", "name"}}</c> names the Web Chat user.</summary>
    private static async Task<IResult> GenerateTokenAsync(HttpRequest request, ConversationStore store, IOptions<LocalChatOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var (parameters, error) = await BotJson.ReadAsync<TokenParameters>(request, options.Value.MaxActivityBytes, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        var conversation = store.Create(User(parameters?.User));
        return Conversation(conversation, conversation.IssueToken(time.GetUtcNow(), options.Value.TokenLifetime), options.Value, StatusCodes.Status200OK);
    }

    private static IResult RefreshToken(HttpRequest request, ConversationStore store, IOptions<LocalChatOptions> options, TimeProvider time)
    {
        if (BearerToken(request) is not { } token || !store.TryGetByToken(token, out var conversation))
        {
            return DirectLineError.Unauthorized();
        }

        return Conversation(conversation, conversation.IssueToken(time.GetUtcNow(), options.Value.TokenLifetime), options.Value, StatusCodes.Status200OK);
    }

    /// <summary>
    /// With a token, starts that token's conversation; without one (local mode has no Direct Line secret), starts a
    /// new conversation. The first start tells the bot the user joined, so its welcome is waiting at watermark 0.
    /// </summary>
    private static async Task<IResult> StartConversationAsync(HttpContext context, ConversationStore store, BotRelay relay, IOptions<LocalChatOptions> options, TimeProvider time)
    {
        var cancellationToken = context.RequestAborted;
        LocalConversation? conversation;
        string token;
        if (BearerToken(context.Request) is { } presented)
        {
            if (!store.TryGetByToken(presented, out conversation))
            {
                return DirectLineError.Unauthorized();
            }

            token = presented;
        }
        else
        {
            var (parameters, error) = await BotJson.ReadAsync<TokenParameters>(context.Request, options.Value.MaxActivityBytes, cancellationToken).ConfigureAwait(false);
            if (error is not null)
            {
                return error;
            }

            conversation = store.Create(User(parameters?.User));
            token = conversation.IssueToken(time.GetUtcNow(), options.Value.TokenLifetime);
        }

        if (!conversation.MarkStarted())
        {
            return Conversation(conversation, token, options.Value, StatusCodes.Status200OK);
        }

        // A failed welcome is logged by the relay; the conversation itself works, so it is still returned.
        await relay.JoinAsync(conversation, BotRelay.ServiceUrl(context), cancellationToken).ConfigureAwait(false);
        return Conversation(conversation, token, options.Value, StatusCodes.Status201Created);
    }

    /// <summary>
    /// Stores the user's activity (new id, timestamp; its <c>channelData.clientActivityID</c> kept, which is how Web
    /// Chat marks it sent), then runs the bot's turn before answering, so the replies follow it in the transcript.
    /// </summary>
    private static async Task<IResult> PostActivityAsync(string conversationId, HttpContext context, ConversationStore store, BotRelay relay, IOptions<LocalChatOptions> options, TimeProvider time)
    {
        if (!TryAuthorize(context.Request, store, conversationId, out var conversation))
        {
            return DirectLineError.Unauthorized();
        }

        var cancellationToken = context.RequestAborted;
        var (activity, error) = await BotJson.ReadAsync<Activity>(context.Request, options.Value.MaxActivityBytes, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        if (activity is null || string.IsNullOrEmpty(activity.Type))
        {
            return DirectLineError.Result(StatusCodes.Status400BadRequest, "BadArgument", "The body must be an activity with a type.");
        }

        activity.From = activity.From is { Id.Length: > 0 } from ? from : BotJson.Clone(conversation.User);
        activity.From.Role = RoleTypes.User;
        activity.Recipient = BotRelay.BotAccount();
        activity.Conversation = new ConversationAccount(id: conversation.Id);
        activity.ChannelId = Microsoft.Bot.Connector.Channels.Webchat;
        activity.ServiceUrl = null;
        conversation.Append(activity, time.GetUtcNow());

        if (!await relay.SendAsync(conversation, activity, BotRelay.ServiceUrl(context), cancellationToken).ConfigureAwait(false))
        {
            return DirectLineError.Result(StatusCodes.Status502BadGateway, "BotError", "The bot could not process the activity.");
        }

        return BotJson.Result(new ResourceResponse(activity.Id));
    }

    /// <summary>The activities after <c>?watermark=N</c> (all of them without one) and the watermark to send next.</summary>
    private static IResult GetActivities(string conversationId, string? watermark, HttpRequest request, ConversationStore store)
    {
        if (!TryAuthorize(request, store, conversationId, out var conversation))
        {
            return DirectLineError.Unauthorized();
        }

        var after = 0L;
        if (!string.IsNullOrEmpty(watermark) && (!long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out after)))
        {
            return DirectLineError.Result(StatusCodes.Status400BadRequest, "BadArgument", "The watermark must be a number from a previous response.");
        }

        var (activities, next) = conversation.Since(after);
        return BotJson.Result(new ActivitySet { Activities = activities, Watermark = next.ToString(CultureInfo.InvariantCulture) });
    }

    private static IResult Conversation(LocalConversation conversation, string token, LocalChatOptions options, int statusCode) =>
        BotJson.Result(
            new JObject
            {
                ["conversationId"] = conversation.Id,
                ["token"] = token,
                ["expires_in"] = (int)options.TokenLifetime.TotalSeconds,
            },
            statusCode);

    private static ChannelAccount User(ChannelAccount? requested) => new(
        requested?.Id is { Length: > 0 } id ? id : "user-" + Guid.NewGuid().ToString("N"),
        requested?.Name,
        RoleTypes.User);

    private static bool TryAuthorize(HttpRequest request, ConversationStore store, string conversationId, [NotNullWhen(true)] out LocalConversation? conversation)
    {
        if (BearerToken(request) is { } token && store.TryGetByToken(token, out conversation) && conversation.Id == conversationId)
        {
            return true;
        }

        conversation = null;
        return false;
    }

    private static string? BearerToken(HttpRequest request)
    {
        const string Scheme = "Bearer ";
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase) && header.Length > Scheme.Length ? header[Scheme.Length..].Trim() : null;
    }

    private sealed class TokenParameters
    {
        [JsonProperty("user")]
        public ChannelAccount? User { get; set; }
    }

    private sealed class ActivitySet
    {
        [JsonProperty("activities")]
        public required IReadOnlyList<Activity> Activities { get; init; }

        [JsonProperty("watermark")]
        public required string Watermark { get; init; }
    }
}
