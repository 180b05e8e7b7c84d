using Microsoft.Bot.Builder;
using NewsBot.Bot.Commands;
using NewsBot.Bot.Replies;

namespace NewsBot.Digests.Commands;

/// <summary><c>digest on|off|status|now|weekdays|list</c>: the conversation's daily digest, one sub-command per word.</summary>
internal sealed class DigestCommand : IBotCommand
{
    private readonly Dictionary<string, IDigestSubcommand> _subcommands;
    private readonly ReplyFactory _replies;

    public DigestCommand(IEnumerable<IDigestSubcommand> subcommands, ReplyFactory replies)
    {
        ArgumentNullException.ThrowIfNull(subcommands);
        _subcommands = subcommands.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);
        _replies = replies;
    }

    public string Name => "digest";

    public string Usage => "digest on|off|status|now";

    public string Description => "a daily digest of newly added articles in this conversation";

    public Task ExecuteAsync(ITurnContext turnContext, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(arguments);
        var parsed = CommandText.Parse(arguments);
        if (_subcommands.TryGetValue(parsed.Word, out var subcommand))
        {
            return subcommand.ExecuteAsync(turnContext, parsed.Arguments, cancellationToken);
        }

        var usage = "A daily digest of the articles newly added to the curated news, posted here:\n\n"
            + string.Join("\n", _subcommands.Values.Select(s => $"- `{s.Usage}`"))
            + "\n\nFor example: `digest on 09:00 Europe/Berlin`.";
        return turnContext.SendActivityAsync(_replies.Text(turnContext.Activity, usage), cancellationToken);
    }
}
