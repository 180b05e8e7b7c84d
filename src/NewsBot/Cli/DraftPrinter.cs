using NewsBot.Knowledge.Articles;
using NewsBot.Knowledge.Curation;

namespace NewsBot.Cli;

/// <summary>A draft as the command line shows it: what was written, what the curator must check, its lint, what to run next.</summary>
internal static class DraftPrinter
{
    public static void Print(CliEnvironment environment, AddResult result)
    {
        var output = environment.Out;
        switch (result.Status)
        {
            case AddStatus.Failed:
                environment.Error.WriteLine($"error: {result.Url.AbsoluteUri}: {result.Message}; nothing written");
                return;
            case AddStatus.Duplicate:
                output.WriteLine($"{result.Url.AbsoluteUri} is {result.Message}");
                return;
        }

        output.WriteLine(result.Message);
        if (result.Draft is { } draft)
        {
            output.WriteLine($"  title      {draft.Title ?? "(none)"}");
            output.WriteLine($"  url        {draft.Url?.AbsoluteUri ?? "(none)"}");
            output.WriteLine($"  published  {(draft.Published is { } published ? Display.IsoDate(published) : "(none)")}");
            output.WriteLine($"  source     {draft.Source ?? "(none)"}");
            output.WriteLine($"  text       {draft.Paragraphs.Count} paragraph(s), {draft.Words} words");
        }

        if (result.Checks.Count > 0)
        {
            output.WriteLine("check before publishing:");
            foreach (var check in result.Checks)
            {
                output.WriteLine($"  - {check}");
            }
        }

        PrintLint(output, result.Problems);
        if (result.Status == AddStatus.Drafted && result.Draft is { } written)
        {
            output.WriteLine(result.LintsClean
                ? $"review it, then: publish {CurationDesk.DisplayPath(written.Path)}"
                : $"fix it, then: publish {CurationDesk.DisplayPath(written.Path)}");
        }
    }

    public static void PrintLint(TextWriter output, IReadOnlyList<ArticleProblem> problems)
    {
        if (problems.Count == 0)
        {
            output.WriteLine("lint: clean");
            return;
        }

        output.WriteLine("lint:");
        foreach (var problem in problems)
        {
            output.WriteLine($"  {problem}");
        }
    }
}
