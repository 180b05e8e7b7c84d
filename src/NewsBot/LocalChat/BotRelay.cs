using System.Net;
using System.Text;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Schema;
using Connector = Microsoft.Bot.Connector.Channels;

namespace NewsBot.LocalChat;

/// <summary>
/// Hands the local chat's activities to the same adapter and bot as <c>/api/messages</c>, addressed as Web Chat
/// would be: channel "webchat", the user as sender, the bot as recipient, and a service URL that points at this
/// app's <see cref="LocalConnectorEndpoints"/>, where the SDK posts the bot's replies.
/// </summary>
internal sealed partial class BotRelay(CloudAdapter adapter, IBot bot, ILogger<BotRelay> logger)
{
    public const string BotId = "newsbot";

    public static ChannelAccount BotAccount() => new(BotId, "NewsBot", RoleTypes.Bot);

    /// <summary>
    /// The service URL the bot replies to: this app on a loopback address at the port the request reached, plus
    /// <c>/local-connector/</c>. The connection's own port, not the Host header, so replies reach this process even
    /// behind a port mapping and never go to a host a client named; loopback even when a remote page
    /// (<see cref="LocalChatOptions.AllowRemote"/>) reached a LAN address, since the connector answers this machine only.
    /// </summary>
    public static Uri ServiceUrl(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var request = context.Request;
        var local = context.Connection.LocalIpAddress;
        if (local is null)
        {
            return new Uri($"{request.Scheme}://{request.Host}{LocalConnectorEndpoints.Prefix}/");
        }

        if (local.IsIPv4MappedToIPv6)
        {
            local = local.MapToIPv4();
        }

        if (!IPAddress.IsLoopback(local))
        {
            local = IPAddress.Loopback;
        }

        return new UriBuilder(request.Scheme, local.ToString(), context.Connection.LocalPort, LocalConnectorEndpoints.Prefix + "/").Uri;
    }

    /// <summary>Tells the bot the user joined, so its welcome message appears. False (logged) when the turn failed outside the bot.</summary>
    public Task<bool> JoinAsync(LocalConversation conversation, Uri serviceUrl, CancellationToken cancellationToken)
    {
        Log.Started(logger, conversation.Id);
        var update = new Activity(ActivityTypes.ConversationUpdate)
        {
            Id = Guid.NewGuid().ToString("N"),
            From = conversation.User,
            MembersAdded = [BotJson.Clone(conversation.User)],
        };
        return ProcessAsync(conversation, update, serviceUrl, cancellationToken);
    }

    /// <summary>Runs the bot's turn for an activity from the page (a copy: the transcript keeps the original).</summary>
    public Task<bool> SendAsync(LocalConversation conversation, Activity fromUser, Uri serviceUrl, CancellationToken cancellationToken) =>
        ProcessAsync(conversation, BotJson.Clone(fromUser), serviceUrl, cancellationToken);

    private async Task<bool> ProcessAsync(LocalConversation conversation, Activity activity, Uri serviceUrl, CancellationToken cancellationToken)
    {
        activity.ChannelId = Connector.Webchat;
        activity.ServiceUrl = serviceUrl.AbsoluteUri;
        activity.Conversation = new ConversationAccount(id: conversation.Id);
        activity.Recipient = BotAccount();

        // CloudAdapter's ProcessActivityAsync(authHeader, ...) is protected; its public entry is the HTTP one that
        // /api/messages uses, so the activity goes through exactly that path, as a request without an Authorization
        // header (which the SDK accepts in local mode).
        var http = new DefaultHttpContext();
        http.Request.Method = HttpMethods.Post;
        http.Request.ContentType = "application/json";
        http.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(BotJson.Serialize(activity)));
        http.Response.Body = new MemoryStream();
        try
        {
            await adapter.ProcessAsync(http.Request, http.Response, bot, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The bot's own failures are handled by the adapter's turn error handler; this is the SDK failing around it.
            Log.ProcessFailed(logger, e, activity.Type, conversation.Id);
            return false;
        }

        if (http.Response.StatusCode >= StatusCodes.Status400BadRequest)
        {
            Log.ProcessRejected(logger, activity.Type, conversation.Id, http.Response.StatusCode);
            return false;
        }

        return true;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 64, Level = LogLevel.Debug, Message = "Local chat: conversation {ConversationId} started")]
        public static partial void Started(ILogger logger, string conversationId);

        [LoggerMessage(EventId = 65, Level = LogLevel.Error, Message = "Local chat: the bot could not process a {ActivityType} activity in conversation {ConversationId}")]
        public static partial void ProcessFailed(ILogger logger, Exception exception, string? activityType, string conversationId);

        [LoggerMessage(EventId = 66, Level = LogLevel.Error, Message = "Local chat: the adapter answered {StatusCode} to a {ActivityType} activity in conversation {ConversationId}")]
        public static partial void ProcessRejected(ILogger logger, string? activityType, string conversationId, int statusCode);
    }
}
