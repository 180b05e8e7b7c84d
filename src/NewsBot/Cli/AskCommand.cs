using System.CommandLine;
using System.CommandLine.Parsing;
using NewsBot.Bot.Replies;
using NewsBot.Knowledge.Answers;

namespace NewsBot.Cli;

/// <summary><c>ask "&lt;question&gt;" [--top N] [--json]</c>: answers from the curated articles.</summary>
internal static class AskCommand
{
    public static Command Create(GlobalOptions options, TimeProvider time)
    {
        var question = new Argument<string[]>("question")
        {
            Description = "The question (quote it, or type the words after 'ask')",
            Arity = ArgumentArity.OneOrMore,
        };
        var top = new Option<int>("--top")
        {
            Description = "Number of answering passages to show",
            DefaultValueFactory = _ => 3,
            HelpName = "N",
        };
        top.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && int.TryParse(result.Tokens[0].Value, out var value) && value is < 1 or > 50)
            {
                result.AddError("--top must be between 1 and 50");
            }
        });

        var command = new Command("ask", "Answer a question from the curated news, with the passage, its source and date")
        {
            question, top, options.Json,
        };
        command.SetAction(parse =>
        {
            var environment = new CliEnvironment(parse, options, time);

            // "ask -x" is a mistyped option, not a question about "x": a question that starts with '-' goes after "--".
            if (!parse.Tokens.Any(t => t.Type == TokenType.DoubleDash) && (parse.GetValue(question) ?? []).FirstOrDefault(w => w.Length > 1 && w[0] == '-') is { } option)
            {
                environment.Error.WriteLine($"error: unknown option '{option}' (to ask a question that starts with '-', put it after --: ask -- \"{option}\")");
                return ExitCodes.Usage;
            }

            using var knowledge = environment.OpenKnowledge(out _);
            if (knowledge is null)
            {
                return ExitCodes.Usage;
            }

            environment.SyncQuietly(knowledge);
            var text = string.Join(' ', parse.GetValue(question) ?? []);
            var answer = knowledge.Ask(text, new AskOptions(parse.GetValue(top)));
            if (environment.Json)
            {
                CliJson.Write(environment.Out, AnswerJson.From(answer));
            }
            else
            {
                AnswerPrinter.Print(environment.Out, AnswerView.From(answer));
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
