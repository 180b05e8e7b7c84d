using Microsoft.Bot.Schema;
using Microsoft.Extensions.Options;

namespace NewsBot.LocalChat;

/// <summary>
/// The Bot Connector calls the SDK makes for the bot's replies, served at the service URL the local chat gives the
/// bot (<see cref="BotRelay.ServiceUrl"/>): send to the conversation, reply to an activity, update and delete. Each
/// changes the conversation's transcript, which the page reads through <see cref="DirectLineEndpoints"/>.
/// </summary>
internal static class LocalConnectorEndpoints
{
    public const string Prefix = "/local-connector";

    public static RouteGroupBuilder Map(IEndpointRouteBuilder app)
    {
        var activities = app.MapGroup(Prefix + "/v3/conversations/{conversationId}/activities");
        activities.MapPost("/", SendAsync);
        activities.MapPost("/{activityId}", SendAsync);
        activities.MapPut("/{activityId}", UpdateAsync);
        activities.MapDelete("/{activityId}", Delete);
        return activities;
    }

    /// <summary>SendToConversation and ReplyToActivity: stores the bot's activity and answers its new id.</summary>
    private static async Task<IResult> SendAsync(string conversationId, string? activityId, HttpRequest request, ConversationStore store, IOptions<LocalChatOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!store.TryGet(conversationId, out var conversation))
        {
            return DirectLineError.NotFound($"No conversation '{conversationId}'.");
        }

        var (activity, error) = await ReadActivityAsync(request, options.Value, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        if (activityId is not null)
        {
            activity!.ReplyToId ??= activityId;
        }

        conversation.Append(FromBot(activity!, conversation), time.GetUtcNow());
        return BotJson.Result(new ResourceResponse(activity!.Id));
    }

    private static async Task<IResult> UpdateAsync(string conversationId, string activityId, HttpRequest request, ConversationStore store, IOptions<LocalChatOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!store.TryGet(conversationId, out var conversation))
        {
            return DirectLineError.NotFound($"No conversation '{conversationId}'.");
        }

        var (activity, error) = await ReadActivityAsync(request, options.Value, cancellationToken).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        activity!.Id = activityId;
        return conversation.Replace(FromBot(activity, conversation), time.GetUtcNow())
            ? BotJson.Result(new ResourceResponse(activityId))
            : DirectLineError.NotFound($"No activity '{activityId}' in conversation '{conversationId}'.");
    }

    private static IResult Delete(string conversationId, string activityId, ConversationStore store) =>
        store.TryGet(conversationId, out var conversation) && conversation.Remove(activityId)
            ? Results.Ok()
            : DirectLineError.NotFound($"No activity '{activityId}' in conversation '{conversationId}'.");

    private static async Task<(Activity? Activity, IResult? Error)> ReadActivityAsync(HttpRequest request, LocalChatOptions options, CancellationToken cancellationToken)
    {
        var (activity, error) = await BotJson.ReadAsync<Activity>(request, options.MaxActivityBytes, cancellationToken).ConfigureAwait(false);
        return error is not null || activity is not null
            ? (activity, error)
            : (null, DirectLineError.Result(StatusCodes.Status400BadRequest, "BadArgument", "The body must be an activity."));
    }

    private static Activity FromBot(Activity activity, LocalConversation conversation)
    {
        activity.From = BotRelay.BotAccount();
        activity.Recipient = BotJson.Clone(conversation.User);
        activity.Conversation = new ConversationAccount(id: conversation.Id);
        activity.ChannelId = Microsoft.Bot.Connector.Channels.Webchat;
        activity.ServiceUrl = null;
        return activity;
    }
}
