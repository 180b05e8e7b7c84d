using Microsoft.Bot.Builder;
using NewsBot.Telemetry;

namespace NewsBot.Bot.Commands;

/// <summary>A table of commands by name; any message that does not start with one, or whose further words are not
/// that command's arguments (<see cref="IBotCommand.Takes"/>), is a question.</summary>
public sealed class CommandRouter
{
    private readonly Dictionary<string, IBotCommand> _commands;
    private readonly QuestionCommand _question;

    public CommandRouter(IEnumerable<IBotCommand> commands, QuestionCommand question)
    {
        ArgumentNullException.ThrowIfNull(commands);
        _commands = commands.ToDictionary(c => c.Name, StringComparer.OrdinalIgnoreCase);
        _question = question;
    }

    public IReadOnlyCollection<IBotCommand> Commands => _commands.Values;

    public async Task RouteAsync(ITurnContext turnContext, string text, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parsed = CommandText.Parse(text);
        var found = _commands.TryGetValue(parsed.Word, out var command) && command.Takes(parsed.Arguments);
        using var span = NewsBotTelemetry.Source.StartActivity(NewsBotTelemetry.Route);
        span?.SetTag("newsbot.command", found ? command!.Name : "question");
        await (found
            ? command!.ExecuteAsync(turnContext, parsed.Arguments, cancellationToken)
            : _question.ExecuteAsync(turnContext, text.Trim(), cancellationToken)).ConfigureAwait(false);
    }
}
