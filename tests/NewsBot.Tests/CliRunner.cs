using Microsoft.Extensions.Time.Testing;
using NewsBot.Cli;

namespace NewsBot.Tests;

/// <summary>Runs the command line in-process and captures what it prints.</summary>
internal static class CliRunner
{
    /// <summary>Runs a command with the BM25 engine unless the test passes <c>--semantic</c>: embedding costs
    /// seconds per fresh data folder, and the semantic tests opt in.</summary>
    public static CliResult Run(params string[] args)
    {
        if (!args.Contains("--semantic"))
        {
            // In front: after a "--" it would be part of the question.
            args = ["--semantic", "off", .. args];
        }

        using var output = new StringWriter();
        using var error = new StringWriter();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        var exitCode = CliApp.Run(args, output, error, time);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}

internal sealed record CliResult(int ExitCode, string Output, string Error);
