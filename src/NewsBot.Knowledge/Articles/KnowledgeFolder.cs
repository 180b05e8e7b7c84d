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

    private static readonly EnumerationOptions TopLevel = new()
    {
        IgnoreInaccessible = true,
        AttributesToSkip = 0,
    };

    /// <summary>Every article file of the knowledge folder, in path order.</summary>
    public static List<ArticleFile> Files(string root) => Files(root, root);

    /// <summary>
    /// The article files in <paramref name="directory"/> (the knowledge folder or a folder inside it), in path order.
    /// One walk: size and time come from the directory listing, not from a second look at each file. On Linux they
    /// still cost a stat per file, so the folders directly inside are walked in parallel.
    /// </summary>
    public static List<ArticleFile> Files(string root, string directory)
    {
        var start = Path.GetFullPath(directory);
        if (!Directory.Exists(start))
        {
            return [];
        }

        var rootPath = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var rootLength = Path.EndsInDirectorySeparator(rootPath) ? rootPath.Length : rootPath.Length + 1;
        var files = List(start, rootLength, TopLevel);
        var folders = List(start, (ref FileSystemEntry entry) => entry.ToFullPath(), (ref FileSystemEntry entry) => entry.IsDirectory && IsVisible(entry.FileName), TopLevel);
        var walked = new List<ArticleFile>[folders.Count];
        Parallel.For(0, folders.Count, i => walked[i] = List(folders[i], rootLength, Recursive));
        foreach (var folder in walked)
        {
            files.AddRange(folder);
        }

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

    /// <summary>The article files in <paramref name="directory"/>, relative paths cut after <paramref name="rootLength"/> characters.</summary>
    private static List<ArticleFile> List(string directory, int rootLength, EnumerationOptions options) => List(
        directory,
        (ref FileSystemEntry entry) =>
        {
            var fullPath = entry.ToFullPath();
            return new ArticleFile(fullPath, ToForwardSlashes(fullPath[rootLength..]), new FileStamp(entry.Length, entry.LastWriteTimeUtc.UtcTicks));
        },
        (ref FileSystemEntry entry) => !entry.IsDirectory && IsArticleName(entry.FileName),
        options);

    private static List<T> List<T>(string directory, FileSystemEnumerable<T>.FindTransform transform, FileSystemEnumerable<T>.FindPredicate include, EnumerationOptions options)
    {
        try
        {
            return [.. new FileSystemEnumerable<T>(directory, transform, options)
            {
                ShouldIncludePredicate = include,
                ShouldRecursePredicate = (ref FileSystemEntry entry) => IsVisible(entry.FileName),
            }];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Removed or locked while being listed: its files are not there for this sync.
            return [];
        }
    }

    private static bool IsArticleName(ReadOnlySpan<char> name) => IsVisible(name) && name.EndsWith(".md", StringComparison.OrdinalIgnoreCase);

    private static bool IsVisible(ReadOnlySpan<char> name) => name.Length > 0 && name[0] is not ('_' or '.');

    private static string ToForwardSlashes(string path) => Path.DirectorySeparatorChar == '/' ? path : path.Replace(Path.DirectorySeparatorChar, '/');
}
