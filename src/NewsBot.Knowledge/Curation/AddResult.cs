using NewsBot.Knowledge.Articles;

namespace NewsBot.Knowledge.Curation;

public enum AddStatus
{
    /// <summary>A draft was written.</summary>
    Drafted,

    /// <summary>A draft was written and, linting clean, published.</summary>
    Published,

    /// <summary>The address is already in the collection or in a draft: nothing was fetched or written.</summary>
    Duplicate,

    /// <summary>The page could not be fetched or is not a page: nothing was written.</summary>
    Failed,
}

/// <summary>What <c>add</c> did with one address.</summary>
/// <param name="Url">The address as given.</param>
/// <param name="Message">One line for the curator: the draft written, the file that already has the address, or why it failed.</param>
/// <param name="Draft">The draft written (also when published: then its old place), or null.</param>
/// <param name="Checks">What the curator must still look at (no date, a teaser, a very long text, ...).</param>
/// <param name="Problems">The draft's lint findings, as <c>lint</c> reports them.</param>
/// <param name="ExistingPath">For <see cref="AddStatus.Duplicate"/>: the file (full path) that has the address.</param>
/// <param name="PublishedPath">For <see cref="AddStatus.Published"/>: where the article now is.</param>
public sealed record AddResult(
    AddStatus Status,
    Uri Url,
    string Message,
    Draft? Draft,
    IReadOnlyList<string> Checks,
    IReadOnlyList<ArticleProblem> Problems,
    string? ExistingPath = null,
    string? PublishedPath = null)
{
    /// <summary>True when the draft has no lint error, so that it can be published.</summary>
    public bool LintsClean => !Problems.Any(p => p.Severity == ProblemSeverity.Error);

    internal static AddResult Failed(Uri url, string message) => new(AddStatus.Failed, url, message, null, [], []);

    internal static AddResult Duplicate(Uri url, string existingPath) =>
        new(AddStatus.Duplicate, url, $"already in {KnowledgeFolder.DisplayPath(existingPath)}: nothing written", null, [], [], existingPath);
}
