using Microsoft.Bot.Builder;

namespace NewsBot.Bot.Commands;

/// <summary>A chat command: the first word of a message names it, the rest are its arguments.</summary>
public interface IBotCommand
{
    /// <summary>The word that invokes it, lower case ("help", "latest").</summary>
    string Name { get; }

    /// <summary>How to type it, for help ("latest [n]").</summary>
    string Usage { get; }

    string Description { get; }

    /// <summary>
    /// Whether these are this command's arguments. When not, the message is a question that starts with the command's
    /// name ("latest news about sora", "about gpt-4o's price", "more on llama's licence") and is answered as one.
    /// </summary>
    bool Takes(string arguments) => true;

    Task ExecuteAsync(ITurnContext turnContext, string arguments, CancellationToken cancellationToken);
}
