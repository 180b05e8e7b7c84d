namespace NewsBot.LocalChat;

internal static partial class LocalChatLog
{
    [LoggerMessage(EventId = 60, Level = LogLevel.Information, Message = "Local chat: forgot conversation {ConversationId}, the least recently active, to stay within {MaxConversations} conversations")]
    public static partial void Evicted(ILogger logger, string conversationId, int maxConversations);

    [LoggerMessage(EventId = 61, Level = LogLevel.Information, Message = "Local chat page: open {Url} in a browser to chat with NewsBot")]
    public static partial void PageReady(ILogger logger, string url);

    [LoggerMessage(EventId = 62, Level = LogLevel.Warning, Message = "Local chat page: the Web Chat bundle {Path} is missing, so the page can only say so. Install Node.js (npm) and build again: the build runs npm ci in src/NewsBot/ClientApp and copies the bundle")]
    public static partial void WebChatMissing(ILogger logger, string path);

    [LoggerMessage(EventId = 63, Level = LogLevel.Error, Message = "Local chat page: {Path} is missing from the build output, so / is not served")]
    public static partial void PageMissing(ILogger logger, string path);

    [LoggerMessage(EventId = 64, Level = LogLevel.Debug, Message = "Local chat: conversation {ConversationId} started")]
    public static partial void Started(ILogger logger, string conversationId);

    [LoggerMessage(EventId = 65, Level = LogLevel.Error, Message = "Local chat: the bot could not process a {ActivityType} activity in conversation {ConversationId}")]
    public static partial void ProcessFailed(ILogger logger, Exception exception, string? activityType, string conversationId);

    [LoggerMessage(EventId = 66, Level = LogLevel.Error, Message = "Local chat: the adapter answered {StatusCode} to a {ActivityType} activity in conversation {ConversationId}")]
    public static partial void ProcessRejected(ILogger logger, string? activityType, string conversationId, int statusCode);
}
