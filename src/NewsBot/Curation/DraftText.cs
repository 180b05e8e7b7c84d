using System.Globalization;
using NewsBot.Bot.Replies;
using NewsBot.Knowledge.Articles;
using NewsBot.Knowledge.Curation;

namespace NewsBot.Curation;

/// <summary>The words every rendering of a draft shares: the byline, the lint state, the findings, the list's heading.</summary>
internal static class DraftText
{
    /// <summary>Paragraphs of the text shown in a preview.</summary>
    public const int PreviewParagraphs = 3;

    public static string Title(Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return draft.Title ?? "(no title)";
    }

    public static string Heading(int total) => total == 1 ? "1 draft waits for review" : string.Create(CultureInfo.InvariantCulture, $"{total} drafts wait for review");

    /// <summary>"Contoso Tech Daily · 14 Mar 2024", or "no date" in its place when the page gave none.</summary>
    public static string Byline(Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return NewsBot.Bot.Replies.Byline.Of(draft.Source, draft.Published is { } published ? Dates.Short(published) : "no date");
    }

    /// <summary>"ready to publish", or the first lint error.</summary>
    public static string State(IReadOnlyList<ArticleProblem> problems) =>
        problems.FirstOrDefault(p => p.Severity == ProblemSeverity.Error) is { } error ? $"to fix: {error.Message}" : "ready to publish";

    /// <summary>A lint finding without the server's file path: "line 4: error: required field 'published' is empty".</summary>
    public static string Finding(ArticleProblem problem) =>
        string.Create(CultureInfo.InvariantCulture, $"line {problem.Line}: {(problem.Severity == ProblemSeverity.Error ? "error" : "warning")}: {problem.Message}");

    /// <summary>What to check before publishing ("check: …"), then the lint findings.</summary>
    public static IEnumerable<string> Findings(IReadOnlyList<string> checks, IReadOnlyList<ArticleProblem> problems) =>
        checks.Select(c => "check: " + c).Concat(problems.Select(Finding));

    /// <summary>The commands a curator types where there are no buttons.</summary>
    public static string TypedCommands(Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return $"Type `publish {draft.Id}` or `discard {draft.Id}`";
    }
}
