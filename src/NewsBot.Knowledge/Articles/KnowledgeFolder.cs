using System.IO.Enumeration;

namespace NewsBot.Knowledge.Articles;

/// <summary>Finds the article files of a knowledge folder: <c>**/*.md</c>, skipping names that start with '_' or '.'.</summary>
internal static class KnowledgeFolder
{
    private static readonly EnumerationOptions Recursive = new()
    {
        RecurseSubdirectories = true,
        IgnoreInaccessible = true,
        AttributesToSkip = 0,
    };

    /// <summary>Every article file of the knowledge folder, in path order.</summary>
    public static List<ArticleFile> Files(string root) => Files(root, root);

    /// <summary>
    /// The article files in <paramref name="directory"/> (the knowledge folder or a folder inside it), in path order.
    /// One walk: size and time come from the directory listing, not from a second look at each file.
    /// </summary>
    public static List<ArticleFile> Files(string root, string directory)
    {
        var files = new List<ArticleFile>();
        var start = Path.GetFullPath(directory);
        if (!Directory.Exists(start))
        {
            return files;
        }

        var rootPath = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var rootLength = Path.EndsInDirectorySeparator(rootPath) ? rootPath.Length : rootPath.Length + 1;
        var listing = new FileSystemEnumerable<ArticleFile>(
            start,
            (ref FileSystemEntry entry) =>
            {
                var fullPath = entry.ToFullPath();
                return new ArticleFile(fullPath, ToForwardSlashes(fullPath[rootLength..]), new FileStamp(entry.Length, entry.LastWriteTimeUtc.UtcTicks));
            },
            Recursive)
        {
            ShouldIncludePredicate = (ref FileSystemEntry entry) => !entry.IsDirectory && IsArticleName(entry.FileName),
            ShouldRecursePredicate = (ref FileSystemEntry entry) => IsVisible(entry.FileName),
        };

        files.AddRange(listing);
        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return files;
    }

    /// <summary>The article file at <paramref name="path"/>, or null when there is none (missing, a folder, hidden, not Markdown, outside).</summary>
    public static ArticleFile? File(string root, string path)
    {
        var relative = RelativePath(root, path);
        var info = new FileInfo(Path.GetFullPath(path));
        if (relative is null || !IsVisiblePath(relative) || !IsArticleName(info.Name) || !info.Exists)
        {
            return null;
        }

        return new ArticleFile(info.FullName, relative, FileStamp.Of(info));
    }

    /// <summary>True when a path under the knowledge folder names an article (used by file watchers too).</summary>
    public static bool IsArticlePath(string root, string path) =>
        RelativePath(root, path) is { } relative && IsVisiblePath(relative) && IsArticleName(Path.GetFileName(relative));

    /// <summary>
    /// <paramref name="path"/> relative to the knowledge folder with forward slashes: empty for the folder itself,
    /// null when outside it.
    /// </summary>
    public static string? RelativePath(string root, string path)
    {
        var relative = Path.GetRelativePath(Path.GetFullPath(root), Path.GetFullPath(path));
        if (relative == ".")
        {
            return string.Empty;
        }

        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? null : ToForwardSlashes(relative);
    }

    /// <summary>True when no part of a relative path is hidden or a draft ('_' or '.' first).</summary>
    public static bool IsVisiblePath(string relativePath) => relativePath.Split('/').All(part => IsVisible(part));

    public static string DisplayPath(string fullPath)
    {
        var relative = Path.GetRelativePath(Environment.CurrentDirectory, fullPath);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? fullPath : relative;
    }

    private static bool IsArticleName(ReadOnlySpan<char> name) => IsVisible(name) && name.EndsWith(".md", StringComparison.OrdinalIgnoreCase);

    private static bool IsVisible(ReadOnlySpan<char> name) => name.Length > 0 && name[0] is not ('_' or '.');

    private static string ToForwardSlashes(string path) => Path.DirectorySeparatorChar == '/' ? path : path.Replace(Path.DirectorySeparatorChar, '/');
}
