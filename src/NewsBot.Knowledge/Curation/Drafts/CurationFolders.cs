namespace NewsBot.Knowledge.Curation.Drafts;

/// <summary>Where curation keeps its files inside the knowledge folder; names starting with '_' are never indexed.</summary>
internal static class CurationFolders
{
    public const string Drafts = "_drafts";
    public const string FeedsFile = "_feeds.yml";

    public static string DraftsPath(string knowledgeRoot) => Path.Combine(knowledgeRoot, Drafts);

    /// <summary>Every draft file, in path order.</summary>
    public static List<string> DraftFiles(string knowledgeRoot)
    {
        var folder = DraftsPath(knowledgeRoot);
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var files = Directory.EnumerateFiles(folder, "*.md", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true })
            .Where(path => !Path.GetFileName(path).StartsWith('.'))
            .ToList();
        files.Sort(StringComparer.Ordinal);
        return files;
    }
}
