namespace NewsBot.Cli;

/// <summary>Exit codes of every command.</summary>
internal static class ExitCodes
{
    public const int Success = 0;

    /// <summary>The command ran and found problems (lint errors, skipped files, failed evaluation input).</summary>
    public const int Findings = 1;

    /// <summary>The command line was wrong: unknown command or option, missing argument, bad value.</summary>
    public const int Usage = 2;
}
