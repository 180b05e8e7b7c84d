using NewsBot.Knowledge.Articles;

namespace NewsBot.Knowledge.Indexing;

/// <summary>What one sync looks at: the article files it examines, in path order, and the indexed articles whose files are gone.</summary>
/// <param name="Refused">Symbolic links the walk did not follow (outside the folder, a loop), as problems.</param>
internal sealed record SyncScope(IReadOnlyList<ArticleFile> Files, IReadOnlyList<string> Removed, IReadOnlyList<ArticleProblem> Refused)
{
    /// <summary>The whole knowledge folder: every article file, and every indexed article without one.</summary>
    public static SyncScope Everything(string root, ArticleCatalog catalog)
    {
        var refused = new List<ArticleProblem>();
        var files = KnowledgeFolder.Files(root, refused);
        var onDisk = new HashSet<string>(files.Count, StringComparer.Ordinal);
        foreach (var file in files)
        {
            onDisk.Add(file.RelativePath);
        }

        var removed = catalog.ByPath.Keys.Where(path => !onDisk.Contains(path)).ToList();
        return new SyncScope(files, removed, refused);
    }

    /// <summary>
    /// Only the paths a file watcher reported (absolute, or relative to the working directory). A file is examined;
    /// a folder is walked; an indexed article whose reported file, or a reported folder holding it, no longer has
    /// its file is removed. Paths outside the knowledge folder, hidden or draft ones are ignored; the folder itself
    /// means everything.
    /// </summary>
    public static SyncScope Of(string root, IEnumerable<string> changedPaths, ArticleCatalog catalog)
    {
        var files = new Dictionary<string, ArticleFile>(StringComparer.Ordinal);
        var removed = new HashSet<string>(StringComparer.Ordinal);
        var folders = new List<string>();
        var refused = new List<ArticleProblem>();
        foreach (var path in changedPaths)
        {
            var relative = KnowledgeFolder.RelativePath(root, path);
            if (relative is null)
            {
                continue;
            }

            if (relative.Length == 0)
            {
                return Everything(root, catalog);
            }

            if (!KnowledgeFolder.IsVisiblePath(relative))
            {
                continue;
            }

            var fullPath = Path.Combine(Path.GetFullPath(root), relative);
            if (Directory.Exists(fullPath))
            {
                folders.Add(relative + "/");
                AddAll(files, KnowledgeFolder.Files(root, fullPath, refused));
            }
            else if (KnowledgeFolder.File(root, fullPath) is { } file)
            {
                files[file.RelativePath] = file;
            }
            else if (catalog.ByPath.ContainsKey(relative))
            {
                removed.Add(relative);
            }
            else
            {
                // Neither a file nor an indexed article: perhaps a folder that was deleted or renamed away.
                folders.Add(relative + "/");
            }
        }

        if (folders.Count > 0)
        {
            foreach (var path in catalog.ByPath.Keys)
            {
                if (!files.ContainsKey(path) && folders.Exists(folder => path.StartsWith(folder, StringComparison.Ordinal)))
                {
                    removed.Add(path);
                }
            }
        }

        var examined = files.Values.ToList();
        examined.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return new SyncScope(examined, removed.ToList(), refused);
    }

    private static void AddAll(Dictionary<string, ArticleFile> files, List<ArticleFile> found)
    {
        foreach (var file in found)
        {
            files[file.RelativePath] = file;
        }
    }
}
