using Microsoft.Bot.Builder;

namespace NewsBot.Digests.Commands;

/// <summary>A word after <c>digest</c> ("on", "off", "status", ...) and what it does.</summary>
internal interface IDigestSubcommand
{
    string Name { get; }

    /// <summary>How to type it, for the usage reply ("digest on [HH:mm] [time zone]").</summary>
    string Usage { get; }

    Task ExecuteAsync(ITurnContext turnContext, string arguments, CancellationToken cancellationToken);
}
