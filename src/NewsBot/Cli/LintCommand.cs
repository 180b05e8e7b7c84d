using System.CommandLine;
using NewsBot.Knowledge.Articles;

namespace NewsBot.Cli;

/// <summary><c>lint</c>: validates every article file; exit 1 when any has an error.</summary>
internal static class LintCommand
{
    public static Command Create(GlobalOptions options, TimeProvider time)
    {
        var command = new Command("lint", "Check every article file and report problems as path:line: error: message");
        command.SetAction(parse =>
        {
            var environment = new CliEnvironment(parse, options, time);
            using var knowledge = environment.OpenKnowledge(out var knowledgeOptions);
            if (knowledge is null)
            {
                return ExitCodes.Usage;
            }

            var problems = knowledge.Validate();
            foreach (var problem in problems)
            {
                environment.Out.WriteLine(problem.ToString());
            }

            var errors = problems.Count(p => p.Severity == ProblemSeverity.Error);
            var warnings = problems.Count - errors;
            // Links are not followed here either: a loop must not be walked 40 levels deep to count files.
            var files = Directory.EnumerateFiles(knowledgeOptions.Path, "*.md", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint }).Count();
            environment.Out.WriteLine($"{files} file(s) checked: {errors} error(s), {warnings} warning(s)");
            return errors > 0 ? ExitCodes.Findings : ExitCodes.Success;
        });
        return command;
    }
}
