using System.CommandLine;
using NewsBot.Knowledge.Articles;

namespace NewsBot.Cli;

/// <summary><c>index</c>: syncs the index with the knowledge folder and reports what changed.</summary>
internal static class IndexCommand
{
    public static Command Create(GlobalOptions options, TimeProvider time)
    {
        var command = new Command("index", "Sync the index with the knowledge folder (only added, changed and deleted files are touched)");
        command.SetAction(parse =>
        {
            var environment = new CliEnvironment(parse, options, time);
            using var knowledge = environment.OpenKnowledge(out var knowledgeOptions);
            if (knowledge is null)
            {
                return ExitCodes.Usage;
            }

            if (knowledge.IsReadOnly)
            {
                environment.Error.WriteLine($"error: another NewsBot process holds the index in {knowledgeOptions.DataPath}; it keeps the index in sync itself");
                return ExitCodes.Findings;
            }

            var report = knowledge.Sync();
            foreach (var problem in report.Problems)
            {
                environment.Error.WriteLine(problem.ToString());
            }

            environment.Out.WriteLine($"added {report.Added}, updated {report.Updated}, removed {report.Removed}, unchanged {report.Unchanged}, skipped {report.Skipped}");
            environment.Out.WriteLine($"{report.Articles} articles, {report.Passages} passages in {knowledgeOptions.DataPath}");
            environment.Out.WriteLine($"took {report.Elapsed.TotalMilliseconds:F0} ms");
            environment.WaitForVectors(knowledge);
            environment.Out.WriteLine(knowledge.Stats.Vectors is { } vectors
                ? $"vectors: {vectors.Ready} of {vectors.Total} passages ready ({vectors.Model})"
                : "vectors: semantic ranking off");
            return report.Problems.Any(p => p.Severity == ProblemSeverity.Error) ? ExitCodes.Findings : ExitCodes.Success;
        });
        return command;
    }
}
