using Microsoft.Bot.Builder;
using NewsBot.Bot.Replies;
using NewsBot.Curation;

namespace NewsBot.Bot.Commands;

/// <summary><c>help</c>: the commands and a few example questions; for a curator, the curation commands too.</summary>
internal sealed class HelpCommand(ReplyFactory replies, Curators curators) : IBotCommand
{
    public string Name => "help";

    public string Usage => "help";

    public string Description => "what I can do";

    public Task ExecuteAsync(ITurnContext turnContext, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.SendActivityAsync(replies.Help(turnContext.Activity, curators.Contains(turnContext.Activity)), cancellationToken);
    }
}
