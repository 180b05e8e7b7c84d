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

    Task ExecuteAsync(ITurnContext turnContext, string arguments, CancellationToken cancellationToken);
}
