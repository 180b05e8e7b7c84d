namespace NewsBot.Slack;

internal static partial class Log
{
    [LoggerMessage(EventId = 80, Level = LogLevel.Warning, Message = "Rejected a Slack request to {Path}: bad signature or a timestamp too far from now")]
    public static partial void Rejected(ILogger logger, string path);

    [LoggerMessage(EventId = 81, Level = LogLevel.Information, Message = "Ignored Slack's retry of event {EventId}")]
    public static partial void Retry(ILogger logger, string eventId);

    [LoggerMessage(EventId = 83, Level = LogLevel.Warning, Message = "Slack reply queue is full: answered 503 for a question from channel {Channel}, so Slack sends it again (Slack:QueueCapacity, per replica)")]
    public static partial void QueueFull(ILogger logger, string channel);

    [LoggerMessage(EventId = 88, Level = LogLevel.Warning, Message = "Rejected a signed Slack request to {Path}: {Reason}")]
    public static partial void Malformed(ILogger logger, string path, string reason);

    [LoggerMessage(EventId = 89, Level = LogLevel.Warning, Message = "Rejected a Slack request to {Path}: the body is larger than {MaxBytes} bytes (Slack:MaxRequestBytes)")]
    public static partial void TooLarge(ILogger logger, string path, int maxBytes);

    [LoggerMessage(EventId = 90, Level = LogLevel.Information, Message = "Ignored a repeated Slack click on {ActionId} (same action on the same message)")]
    public static partial void RepeatedAction(ILogger logger, string actionId);

    [LoggerMessage(EventId = 84, Level = LogLevel.Information, Message = "Slack is on: events at /api/slack, slash commands at /api/slack/commands, interactivity at /api/slack/interactivity")]
    public static partial void Enabled(ILogger logger);

    [LoggerMessage(EventId = 85, Level = LogLevel.Information, Message = "Slack is off: set Slack:SigningSecret and Slack:BotToken to answer in Slack directly")]
    public static partial void Disabled(ILogger logger);
}
