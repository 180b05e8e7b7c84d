namespace NewsBot.Cli;

/// <summary>
/// A word on the command line that is neither a command nor a setting: a mistyped command (<c>lnt</c>) must say so
/// and exit 2, not start the bot. Settings are <c>--key value</c>, <c>--key=value</c> or <c>key=value</c>.
/// </summary>
internal static class UnknownCommand
{
    /// <summary>The first bare word of <paramref name="args"/>, or null when every argument is a setting.</summary>
    public static string? Find(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        for (var at = 0; at < args.Length; at++)
        {
            var arg = args[at];
            if (arg.Contains('=', StringComparison.Ordinal))
            {
                continue;
            }

            if (arg.StartsWith('-') || arg.StartsWith('/'))
            {
                at++;
                continue;
            }

            return arg;
        }

        return null;
    }

    public static int Report(string word, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        error.WriteLine($"error: unknown command '{word}'. Commands: ask, lint, index, eval, gaps, digest, pack-teams (--help lists them); with no command the bot starts.");
        return ExitCodes.Usage;
    }
}
