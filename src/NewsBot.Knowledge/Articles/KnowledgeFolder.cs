namespace NewsBot.Knowledge.Articles;

/// <summary>Finds the article files of a knowledge folder: <c>**/*.md</c>, skipping names that start with '_' or '.'.</summary>
internal static class KnowledgeFolder
{
    public static List<ArticleFile> Files(string root)
    {
        var full = Path.GetFullPath(root);
        var files = new List<ArticleFile>();
        if (!Directory.Exists(full))
        {
            return files;
        }

        Walk(full, full, files);
        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return files;
    }

    /// <summary>True when a path under the knowledge folder names an article (used by file watchers too).</summary>
    public static bool IsArticlePath(string root, string path)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(root), Path.GetFullPath(path));
        if (relative.StartsWith("..", StringComparison.Ordinal) || !relative.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        return relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).All(IsVisible);
    }

    public static string DisplayPath(string fullPath)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
    }

    private static void Walk(string root, string directory, List<ArticleFile> files)
    {
        IEnumerable<string> entries;
        try
        {
            entries = Directory.EnumerateFileSystemEntries(directory);
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or IOException)
        {
            return;
        }

        foreach (var entry in entries)
        {
            var name = Path.GetFileName(entry);
            if (!IsVisible(name))
            {
                continue;
            }

            if (Directory.Exists(entry))
            {
                Walk(root, entry, files);
            }
            else if (name.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            {
                var relative = Path.GetRelativePath(root, entry).Replace('\\', '/');
                files.Add(new ArticleFile(entry, relative, DisplayPath(entry)));
            }
        }
    }

    private static bool IsVisible(string name) => name.Length > 0 && name[0] is not ('_' or '.');
}
