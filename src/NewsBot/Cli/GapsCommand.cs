using System.CommandLine;
using System.Globalization;
using NewsBot.Configuration;
using NewsBot.Storage;

namespace NewsBot.Cli;

/// <summary>
/// <c>gaps [--days N] [--json]</c>: the questions the curated news did not answer, most asked first, from the
/// question log (the SQLite file in the data folder, or every replica's questions in PostgreSQL). A data folder
/// without a database has no questions yet.
/// </summary>
internal static class GapsCommand
{
    /// <summary>How many questions are listed at most.</summary>
    private const int Listed = 50;

    public static Command Create(GlobalOptions options, TimeProvider time)
    {
        var days = new Option<int>("--days")
        {
            Description = "Look at the questions of the last N days (1 to 3650)",
            DefaultValueFactory = _ => 30,
            HelpName = "N",
        };
        days.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && int.TryParse(result.Tokens[0].Value, CultureInfo.InvariantCulture, out var value) && value is < 1 or > 3650)
            {
                result.AddError("--days must be between 1 and 3650");
            }
        });

        var command = new Command("gaps", $"List the {Listed} most asked questions the curated news did not answer")
        {
            days, options.Json,
        };
        command.SetAction(parse =>
        {
            var environment = new CliEnvironment(parse, options, time);
            var storage = environment.Settings.Storage;
            var paths = environment.Settings.Paths;
            var period = parse.GetValue(days);
            if (storage.Provider == StorageProvider.Sqlite && !File.Exists(paths.Database))
            {
                if (environment.Json)
                {
                    CliJson.Write(environment.Out, new GapsJson(period, []));
                    environment.Error.WriteLine($"note: no questions logged yet in {paths.Data}");
                }
                else
                {
                    environment.Out.WriteLine($"no questions logged yet in {paths.Data}");
                }

                return ExitCodes.Success;
            }

            using var database = CliDatabase.Open(environment);

            // The command line runs actions synchronously, and a console has no synchronisation context to deadlock on.
            var gaps = database.QuestionLog.UnansweredSinceAsync(time.GetUtcNow().AddDays(-period), Listed, CancellationToken.None).GetAwaiter().GetResult();
            if (environment.Json)
            {
                CliJson.Write(environment.Out, new GapsJson(period, gaps));
            }
            else
            {
                Print(environment.Out, period, gaps);
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static void Print(TextWriter output, int days, IReadOnlyList<QuestionGap> gaps)
    {
        if (gaps.Count == 0)
        {
            output.WriteLine($"no unanswered questions in the last {days} days");
            return;
        }

        output.WriteLine($"Unanswered questions of the last {days} days, most asked first:");
        var width = gaps.Max(gap => gap.Count).ToString(CultureInfo.InvariantCulture).Length;
        foreach (var gap in gaps)
        {
            var count = gap.Count.ToString(CultureInfo.InvariantCulture).PadLeft(width);
            var lastAsked = gap.LastAsked.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            output.WriteLine($"  {count}×  {gap.Question}  (last asked {lastAsked})");
        }
    }

    /// <summary>{"days": N, "gaps": [{"question", "count", "lastAsked"}]}.</summary>
    private sealed record GapsJson(int Days, IReadOnlyList<QuestionGap> Gaps);
}
