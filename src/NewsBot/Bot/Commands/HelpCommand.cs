using Microsoft.Bot.Builder;
using NewsBot.Bot.Replies;

namespace NewsBot.Bot.Commands;

/// <summary><c>help</c>: the commands and a few example questions.</summary>
public sealed class HelpCommand(ReplyFactory replies) : IBotCommand
{
    public string Name => "help";

    public string Usage => "help";

    public string Description => "what I can do";

    public Task ExecuteAsync(ITurnContext turnContext, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.SendActivityAsync(replies.Help(turnContext.Activity), cancellationToken);
    }
}
