using Microsoft.Bot.Builder;
using NewsBot.Bot.Replies;
using NewsBot.Knowledge;

namespace NewsBot.Bot.Commands;

/// <summary><c>about</c>: what NewsBot is, how big the collection is and when it last changed.</summary>
public sealed class AboutCommand(IKnowledgeBase knowledge, ReplyFactory replies) : IBotCommand
{
    public string Name => "about";

    public string Usage => "about";

    /// <summary>Nothing: "about" followed by words is a question.</summary>
    public bool Takes(string arguments) => arguments.Length == 0;

    public string Description => "the size of the collection and its last update";

    public Task ExecuteAsync(ITurnContext turnContext, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        return turnContext.SendActivityAsync(replies.About(turnContext.Activity, knowledge.Stats), cancellationToken);
    }
}
