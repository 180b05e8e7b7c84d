using Microsoft.Bot.Builder;
using NewsBot.Bot;
using NewsBot.Bot.Commands;

namespace NewsBot.Curation.Commands;

/// <summary>
/// A chat command for curators only. A message that only starts with the command's word ("add more context to
/// answers?") is a question and is answered as one; a real command from anyone who is not a curator gets a short,
/// polite refusal, before anything is fetched or touched. A curator's conversation is remembered, so that the feed
/// poller can tell them when drafts wait.
/// </summary>
internal abstract partial class CuratorCommand(CurationServices services) : IBotCommand
{
    public abstract string Name { get; }

    public abstract string Usage { get; }

    public abstract string Description { get; }

    protected CurationServices Services => services;

    public async Task ExecuteAsync(ITurnContext turnContext, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (!IsCommand(arguments ?? string.Empty))
        {
            await services.Question.ExecuteAsync(turnContext, $"{Name} {arguments}".Trim(), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (turnContext.Activity.ChannelId == Channels.SlackDirect)
        {
            // Slack reached directly carries no user id the curator list can vouch for: refused before anything is fetched.
            await turnContext.SendActivityAsync(MessageFactory.Text(DraftReplies.NotOnSlackDirect), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!services.Curators.Contains(turnContext.Activity))
        {
            Log.Refused(services.Logger, turnContext.Activity.ChannelId);
            await turnContext.SendActivityAsync(MessageFactory.Text(DraftReplies.Refusal), cancellationToken).ConfigureAwait(false);
            return;
        }

        await services.Conversations.RememberAsync(turnContext.Activity, cancellationToken).ConfigureAwait(false);
        await RunAsync(turnContext, arguments!.Trim(), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>True when the arguments have the command's shape (a URL for <c>add</c>, a draft id for <c>publish</c>).</summary>
    protected abstract bool IsCommand(string arguments);

    protected abstract Task RunAsync(ITurnContext turnContext, string arguments, CancellationToken cancellationToken);

    private static partial class Log
    {
        [LoggerMessage(EventId = 143, Level = LogLevel.Warning, Message = "A curation command from a non-curator on {ChannelId} was refused; nothing was fetched")]
        public static partial void Refused(ILogger logger, string? channelId);
    }
}
