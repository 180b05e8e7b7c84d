using NewsBot.Knowledge.Articles;

namespace NewsBot.Knowledge.Indexing;

/// <summary>What one sync looks at: the article files it examines, in path order, and the indexed articles whose files are gone.</summary>
internal sealed record SyncScope(IReadOnlyList<ArticleFile> Files, IReadOnlyList<string> Removed)
{
    /// <summary>The whole knowledge folder: every article file, and every indexed article without one.</summary>
    public static SyncScope Everything(string root, ArticleCatalog catalog)
    {
        var files = KnowledgeFolder.Files(root);
        var onDisk = new HashSet<string>(files.Count, StringComparer.Ordinal);
        foreach (var file in files)
        {
            onDisk.Add(file.RelativePath);
        }

        var removed = catalog.ByPath.Keys.Where(path => !onDisk.Contains(path)).ToList();
        return new SyncScope(files, removed);
    }
}
