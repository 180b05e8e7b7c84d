using NewsBot.Knowledge.Articles;

namespace NewsBot.Knowledge;

/// <summary>What one sync of the knowledge folder into the index did.</summary>
/// <param name="Skipped">Files with errors: not indexed (an earlier good version, if any, stays served).</param>
/// <param name="Articles">Articles in the index after the sync.</param>
/// <param name="Passages">Passages in the index after the sync.</param>
public sealed record SyncReport(
    int Added,
    int Updated,
    int Removed,
    int Unchanged,
    int Skipped,
    int Articles,
    int Passages,
    TimeSpan Elapsed,
    IReadOnlyList<ArticleProblem> Problems)
{
    /// <summary>True when the sync changed what is served.</summary>
    public bool Changed => Added + Updated + Removed > 0;
}
