using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using NewsBot.Digests;
using NewsBot.Knowledge.Digests;

namespace NewsBot.Cli;

/// <summary>
/// <c>digest [--since DATE | --days N] [--json]</c>: prints the digest a conversation would get for the window
/// from DATE (UTC midnight, or an ISO 8601 time) or N days ago (default 1) until now, as the plain-text
/// fallback of the chat message or as JSON.
/// </summary>
internal static class DigestCommand
{
    public static Command Create(GlobalOptions options, TimeProvider time)
    {
        var since = new Option<string?>("--since")
        {
            Description = "Start of the window: a date (2026-11-25, UTC midnight) or an ISO 8601 time",
            HelpName = "DATE",
        };
        since.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && !TryParseSince(result.Tokens[0].Value, out _))
            {
                result.AddError("--since takes a date like 2026-11-25 or a time like 2026-11-25T09:00:00Z");
            }
        });
        var days = new Option<int?>("--days")
        {
            Description = "Start the window N days ago (1 to 365; default 1)",
            HelpName = "N",
        };
        days.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && int.TryParse(result.Tokens[0].Value, CultureInfo.InvariantCulture, out var value) && value is < 1 or > 365)
            {
                result.AddError("--days must be between 1 and 365");
            }
        });

        var command = new Command("digest", "Print the digest of the articles first seen in a window, as a conversation would get it")
        {
            since, days, options.Json,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(since) is { Implicit: false } && result.GetResult(days) is { Implicit: false })
            {
                result.AddError("give either --since or --days, not both");
            }
        });
        command.SetAction(parse =>
        {
            var environment = new CliEnvironment(parse, options, time);
            using var knowledge = environment.OpenKnowledge(out _);
            if (knowledge is null)
            {
                return ExitCodes.Usage;
            }

            environment.SyncQuietly(knowledge);
            var now = time.GetUtcNow();
            var start = parse.GetValue(since) is { } text && TryParseSince(text, out var parsed) ? parsed : now.AddDays(-(parse.GetValue(days) ?? 1));
            if (start > now)
            {
                environment.Error.WriteLine("error: --since is in the future");
                return ExitCodes.Usage;
            }

            // Up to and including now: the sync just above stamps articles new to the index with this very instant.
            var digest = DigestComposer.Compose(knowledge, start, now.AddTicks(1));
            if (environment.Json)
            {
                CliJson.Write(environment.Out, digest);
            }
            else if (digest.IsEmpty)
            {
                environment.Out.WriteLine($"nothing new since {start.UtcDateTime:yyyy-MM-dd HH:mm} UTC: a conversation would get no digest");
            }
            else
            {
                environment.Out.WriteLine(DigestMessage.PlainText(digest));
            }

            return ExitCodes.Success;
        });
        return command;
    }

    private static bool TryParseSince(string text, out DateTimeOffset since) =>
        DateTimeOffset.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out since)
        || DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out since);
}
