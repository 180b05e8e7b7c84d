using System.CommandLine;
using NewsBot.Knowledge.Curation;
using NewsBot.Knowledge.Curation.Feeds;

namespace NewsBot.Cli;

/// <summary>
/// <c>feeds</c>: reads <c>knowledge/_feeds.yml</c>, and drafts each feed's stories (RSS 2.0 or Atom) that are neither in
/// the collection nor drafted yet. Exit 1 when a feed or a page could not be read, or <c>_feeds.yml</c> is broken.
/// </summary>
internal static class FeedsCommand
{
    public static Command Create(GlobalOptions options, TimeProvider time)
    {
        var command = new Command("feeds", "Draft the new stories of the feeds listed in knowledge/_feeds.yml");
        command.SetAction(parse =>
        {
            var environment = new CliEnvironment(parse, options, time);
            using var desk = CliCuration.Open(environment, out var curation);
            if (desk is null)
            {
                return ExitCodes.Usage;
            }

            if (!File.Exists(desk.FeedsFile))
            {
                environment.Error.WriteLine($"error: no {CurationDesk.DisplayPath(desk.FeedsFile)}: list your feeds there (see docs/curation.md)");
                return ExitCodes.Findings;
            }

            FeedRun run;
            try
            {
                run = desk.DraftFromFeedsAsync(curation.MaxDraftsPerFeed).GetAwaiter().GetResult();
            }
            catch (FeedListException ex)
            {
                environment.Error.WriteLine(ex.Message);
                return ExitCodes.Findings;
            }

            foreach (var feed in run.Feeds)
            {
                Print(environment, feed);
            }

            var waiting = desk.Drafts().Count;
            environment.Out.WriteLine($"{run.Feeds.Count} feed(s): {run.Drafted} new draft(s); {waiting} draft(s) wait for review");
            return run.AnyFailed ? ExitCodes.Findings : ExitCodes.Success;
        });
        return command;
    }

    private static void Print(CliEnvironment environment, FeedReport feed)
    {
        if (feed.Error is not null)
        {
            environment.Error.WriteLine($"error: feed {feed.Url.AbsoluteUri}: {feed.Error}");
            return;
        }

        var deferred = feed.Deferred > 0 ? $", {feed.Deferred} left for the next run" : string.Empty;
        environment.Out.WriteLine($"{feed.Url.AbsoluteUri}: {feed.Items} item(s), {feed.Known} already in the collection or drafted, {feed.Added.Count} new{deferred}");
        foreach (var added in feed.Added)
        {
            DraftPrinter.Print(environment, added);
        }
    }
}
