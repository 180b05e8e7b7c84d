using System.CommandLine;
using NewsBot.Configuration;

namespace NewsBot.Cli;

/// <summary>The command line: parses, dispatches, and maps bad usage to exit code 2 with a clear message.</summary>
internal static class CliApp
{
    private static readonly string[] Commands = ["ask", "lint", "index", "eval", "gaps", "digest", "pack-teams", "add", "publish", "feeds", "migrate", "--help", "-h", "-?", "--version"];

    /// <summary>Options every command takes, which may come before the command's name.</summary>
    private static readonly string[] GlobalOptionNames = ["--knowledge", "--data", "--semantic"];

    /// <summary>
    /// True when the arguments name a command, after any global options ("--semantic off eval q.jsonl" is the eval
    /// command); anything else (no arguments, --urls, ...) starts the bot.
    /// </summary>
    public static bool IsCommand(string[] args)
    {
        var at = 0;
        while (at < args.Length && GlobalOptionNames.Any(name => args[at] == name || args[at].StartsWith(name + "=", StringComparison.Ordinal)))
        {
            at += args[at].Contains('=', StringComparison.Ordinal) ? 1 : 2;
        }

        return at < args.Length && Commands.Contains(args[at], StringComparer.Ordinal);
    }

    public static int Run(string[] args, TextWriter output, TextWriter error, TimeProvider? time = null)
    {
        time ??= TimeProvider.System;
        var options = new GlobalOptions();
        var root = new RootCommand("NewsBot answers questions about a curated collection of AI news, quoting the passage and its source.")
        {
            options.Knowledge,
            options.Data,
            options.Semantic,
            AskCommand.Create(options, time),
            LintCommand.Create(options, time),
            IndexCommand.Create(options, time),
            EvalCommand.Create(options, time),
            GapsCommand.Create(options, time),
            DigestCommand.Create(options, time),
            PackTeamsCommand.Create(),
            AddCommand.Create(options, time),
            PublishCommand.Create(options, time),
            FeedsCommand.Create(options, time),
            MigrateCommand.Create(options, time),
        };
        root.SetAction(parse =>
        {
            Usage(parse.InvocationConfiguration.Output);
            return ExitCodes.Success;
        });

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var parseError in parse.Errors)
            {
                error.WriteLine($"error: {parseError.Message}");
            }

            error.WriteLine("Run with --help for usage.");
            return ExitCodes.Usage;
        }

        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (SettingsError.Describe(e) is { } line)
        {
            // A command reads the settings first (CliEnvironment): nothing has been done yet.
            error.WriteLine(line);
            return SettingsError.ExitCode;
        }
    }

    private static void Usage(TextWriter output)
    {
        output.WriteLine("NewsBot: answers questions about curated AI news with a quoted passage, its source and date.");
        output.WriteLine();
        output.WriteLine("Start the bot: dotnet run --project src/NewsBot   (chat page at http://localhost:3978)");
        output.WriteLine();
        output.WriteLine("Commands (dotnet run --project src/NewsBot -- <command>):");
        output.WriteLine("  ask \"<question>\" [--top N] [--json]   answer from the curated articles");
        output.WriteLine("  lint                                 check every article file");
        output.WriteLine("  index                                sync the index with knowledge/");
        output.WriteLine("  eval <questions.jsonl> | --beir DIR  measure answer quality");
        output.WriteLine("  gaps [--days N] [--json]             most frequent unanswered questions");
        output.WriteLine("  digest [--since DATE | --days N] [--json]  the digest a subscribed conversation would get");
        output.WriteLine("  pack-teams --app-id GUID [--bot-id GUID] [--host DOMAIN] [--out FILE]");
        output.WriteLine("                                       write the Teams app package (zip)");
        output.WriteLine("  add <url> [--publish]                draft an article from a web page (docs/curation.md)");
        output.WriteLine("  publish FILE                         publish a reviewed draft from knowledge/_drafts/");
        output.WriteLine("  feeds                                draft the new stories of knowledge/_feeds.yml");
        output.WriteLine("  migrate                              apply the database schema's missing versions, print the version");
        output.WriteLine();
        output.WriteLine("Try: dotnet run --project src/NewsBot -- ask \"Is Phi-2 licensed for commercial use?\"");
    }
}
