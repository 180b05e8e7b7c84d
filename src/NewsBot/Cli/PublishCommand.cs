using System.CommandLine;

namespace NewsBot.Cli;

/// <summary><c>publish FILE</c>: moves a reviewed draft that lints clean from <c>knowledge/_drafts/</c> into <c>knowledge/&lt;year&gt;/</c>.</summary>
internal static class PublishCommand
{
    public static Command Create(GlobalOptions options, TimeProvider time)
    {
        var file = new Argument<string>("file") { Description = "The draft, e.g. knowledge/_drafts/2024/phi-2-goes-mit.md" };
        var command = new Command("publish", "Publish a reviewed draft: lint it, then move it into knowledge/<year>/")
        {
            file,
        };
        command.SetAction(parse =>
        {
            var environment = new CliEnvironment(parse, options, time);
            using var desk = CliCuration.Open(environment, out _);
            if (desk is null)
            {
                return ExitCodes.Usage;
            }

            var result = desk.Publish(parse.GetRequiredValue(file));
            if (result.Problems.Count > 0)
            {
                DraftPrinter.PrintLint(environment.Out, result.Problems);
            }

            if (!result.Published)
            {
                environment.Error.WriteLine($"error: {result.Message}");
                return ExitCodes.Findings;
            }

            environment.Out.WriteLine(result.Message);
            environment.Out.WriteLine("the running bot serves it within seconds (or run 'index')");
            return ExitCodes.Success;
        });
        return command;
    }
}
