using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;

namespace NewsBot.Bot;

/// <summary>
/// The Bot Framework adapter with the bot's one turn-error handler: log the failure with its context, tell
/// the user something went wrong (never the exception), and go on serving other turns.
/// </summary>
public sealed partial class NewsBotAdapter : CloudAdapter
{
    public const string ErrorReply = "Sorry, something went wrong while answering. Please try again in a moment.";

    public NewsBotAdapter(BotFrameworkAuthentication authentication, ILogger<NewsBotAdapter> logger)
        : base(authentication, logger)
    {
        OnTurnError = async (turnContext, exception) =>
        {
            var activity = turnContext.Activity;
            Log.TurnFailed(logger, exception, activity.ChannelId, activity.Conversation?.ConversationType, activity.Type, activity.Id);
            try
            {
                await turnContext.SendActivityAsync(ErrorReply).ConfigureAwait(false);
            }
            catch (Exception sendFailure) when (sendFailure is not OperationCanceledException)
            {
                Log.ErrorReplyFailed(logger, sendFailure, activity.ChannelId);
            }
        };
    }

    internal static partial class Log
    {
        [LoggerMessage(EventId = 20, Level = LogLevel.Error, Message = "Turn failed on channel {ChannelId} ({ConversationType}), activity {ActivityType} {ActivityId}")]
        public static partial void TurnFailed(ILogger logger, Exception exception, string? channelId, string? conversationType, string? activityType, string? activityId);

        [LoggerMessage(EventId = 21, Level = LogLevel.Warning, Message = "Could not tell the user on {ChannelId} that the turn failed")]
        public static partial void ErrorReplyFailed(ILogger logger, Exception exception, string? channelId);

        [LoggerMessage(EventId = 22, Level = LogLevel.Warning, Message = "Local mode: no MicrosoftAppId is configured, so /api/messages accepts unauthenticated requests from this machine only and the local chat page is served at /. Set MicrosoftAppId, MicrosoftAppPassword and MicrosoftAppTenantId to connect to Azure Bot Service.")]
        public static partial void LocalMode(ILogger logger);

        [LoggerMessage(EventId = 19, Level = LogLevel.Information, Message = "Bot Framework is off (no MicrosoftAppId, LocalChat:Enabled=false): /api/messages and the local chat page are not served")]
        public static partial void Off(ILogger logger);

        [LoggerMessage(EventId = 23, Level = LogLevel.Information, Message = "Bot Framework authentication on for app {AppId}: /api/messages requires a valid token")]
        public static partial void Authenticated(ILogger logger, string appId);
    }
}
