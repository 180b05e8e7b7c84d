using NewsBot.Knowledge.Articles;

namespace NewsBot.Collection;

/// <summary>
/// The article problems the bot has logged, so that each is logged once, and again only after it went away and came
/// back. A sync of the whole folder reports every problem; a sync of a few paths only those of the files it looked
/// at, so only their problems can be known to be gone.
/// </summary>
internal sealed class ReportedProblems
{
    private readonly HashSet<ArticleProblem> _reported = [];

    /// <summary>Remembers a sync's problems and returns those not logged yet.</summary>
    /// <param name="syncedPaths">The files and folders the sync was given (as a file watcher reports them), or null for the whole folder.</param>
    public List<ArticleProblem> Update(IReadOnlyList<ArticleProblem> problems, IReadOnlyCollection<string>? syncedPaths)
    {
        var current = problems.ToHashSet();
        if (syncedPaths is null)
        {
            _reported.IntersectWith(current);
        }
        else
        {
            var synced = syncedPaths.Select(Path.GetFullPath).ToList();
            _reported.RemoveWhere(problem => !current.Contains(problem) && IsWithin(Path.GetFullPath(problem.Path), synced));
        }

        return problems.Where(_reported.Add).ToList();
    }

    private static bool IsWithin(string path, List<string> synced) =>
        synced.Exists(s => path == s || path.StartsWith(Path.TrimEndingDirectorySeparator(s) + Path.DirectorySeparatorChar, StringComparison.Ordinal));
}
