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
    /// <param name="refused">Receives a problem for each symbolic link that is not followed (see <see cref="FolderLinks"/>).</param>
    public static List<ArticleFile> Files(string root, ICollection<ArticleProblem>? refused = null) => Files(root, root, refused);

    /// <summary>
    /// The article files in <paramref name="directory"/> (the knowledge folder or a folder inside it), in path order.
    /// One walk: size and time come from the directory listing, not from a second look at each file. On Linux they
    /// still cost a stat per file, so the folders directly inside are walked in parallel. Symbolic links are followed
    /// only inside the folder and without loops, a linked folder once (<see cref="FolderLinks"/>).
    /// </summary>
    public static List<ArticleFile> Files(string root, string directory, ICollection<ArticleProblem>? refused = null)
    {
        var start = Path.GetFullPath(directory);
        if (!Directory.Exists(start))
        {
            return [];
        }

        var rootPath = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root));
        var rootLength = Path.EndsInDirectorySeparator(rootPath) ? rootPath.Length : rootPath.Length + 1;
        var realRoot = FolderLinks.RealPath(rootPath) ?? rootPath;
        var problems = new List<ArticleProblem>();
        var topLevel = List(start, TopLevel);
        var folders = topLevel.Where(e => e.IsDirectory).Select(e => e.FullPath).ToList();
        var files = Admit(topLevel.Where(e => !e.IsDirectory), rootLength, realRoot, linkedFolder: false, problems);

        var walked = new List<ArticleFile>[folders.Count];
        var walkProblems = new List<ArticleProblem>[folders.Count];
        Parallel.For(0, folders.Count, i => (walked[i], walkProblems[i]) = Walk(folders[i], rootLength, realRoot));
        foreach (var folder in walked)
        {
            files.AddRange(folder);
        }

        foreach (var folderProblems in walkProblems)
        {
            problems.AddRange(folderProblems);
        }

        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        if (refused is not null)
        {
            foreach (var problem in problems.OrderBy(p => p.Path, StringComparer.Ordinal))
            {
                refused.Add(problem);
            }
        }

        return files;
    }

    /// <summary>The article file at <paramref name="path"/>, or null when there is none (missing, a folder, hidden, not Markdown, outside, behind a refused link).</summary>
    public static ArticleFile? File(string root, string path)
    {
        var relative = RelativePath(root, path);
        var info = new FileInfo(Path.GetFullPath(path));
        if (relative is null || !IsVisiblePath(relative) || !IsArticleName(info.Name) || !info.Exists || !IsReachable(root, relative))
        {
            return null;
        }

        var stamp = info.LinkTarget is null ? FileStamp.Of(info) : FileStamp.Of(new FileInfo(FolderLinks.RealPath(info.FullName)!));
        return new ArticleFile(info.FullName, relative, stamp);
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

    /// <summary>
    /// Whether a walk of the folder would reach <paramref name="relative"/>: every link on the way leads inside and does
    /// not loop, and at most one folder on the way is a link (a linked folder is walked once).
    /// </summary>
    private static bool IsReachable(string root, string relative)
    {
        var realRoot = FolderLinks.RealPath(root) ?? Path.GetFullPath(root);
        var current = Path.GetFullPath(root);
        var parts = relative.Split('/');
        var linkedFolders = 0;
        for (var i = 0; i < parts.Length; i++)
        {
            current = Path.Combine(current, parts[i]);
            var isFolder = i < parts.Length - 1;
            if (new FileInfo(current).LinkTarget is null)
            {
                continue;
            }

            if (FolderLinks.Refusal(realRoot, current, isFolder) is not null || (isFolder && ++linkedFolders > 1))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Walks a folder: its real subfolders recursively, then each linked subfolder once, if it may be followed.</summary>
    private static (List<ArticleFile> Files, List<ArticleProblem> Problems) Walk(string folder, int rootLength, string realRoot)
    {
        var problems = new List<ArticleProblem>();
        if (IsLink(folder))
        {
            // A link directly inside the knowledge folder.
            return FollowFolder(folder, rootLength, realRoot, problems);
        }

        var entries = List(folder, Recursive);
        var files = Admit(entries.Where(e => !e.IsDirectory), rootLength, realRoot, linkedFolder: false, problems);
        foreach (var link in entries.Where(e => e.IsDirectory && e.IsLink))
        {
            files.AddRange(FollowFolder(link.FullPath, rootLength, realRoot, problems).Files);
        }

        return (files, problems);
    }

    private static (List<ArticleFile> Files, List<ArticleProblem> Problems) FollowFolder(string link, int rootLength, string realRoot, List<ArticleProblem> problems)
    {
        if (FolderLinks.Refusal(realRoot, link, isDirectory: true) is { } refusal)
        {
            problems.Add(new ArticleProblem(DisplayPath(link), 1, ProblemSeverity.Error, refusal));
            return ([], problems);
        }

        var entries = List(link, Recursive);
        foreach (var nested in entries.Where(e => e.IsDirectory && e.IsLink))
        {
            problems.Add(new ArticleProblem(DisplayPath(nested.FullPath), 1, ProblemSeverity.Error, "symbolic link inside a linked folder; not followed (a linked folder is walked once)"));
        }

        return (Admit(entries.Where(e => !e.IsDirectory), rootLength, realRoot, linkedFolder: true, problems), problems);
    }

    /// <summary>The files that are not links, and the file links that lead inside the folder (with their target's size and time).</summary>
    private static List<ArticleFile> Admit(IEnumerable<Entry> entries, int rootLength, string realRoot, bool linkedFolder, List<ArticleProblem> problems)
    {
        var admitted = new List<ArticleFile>();
        foreach (var entry in entries)
        {
            var file = entry.File(rootLength);
            if (!entry.IsLink)
            {
                admitted.Add(file);
                continue;
            }

            var refusal = linkedFolder
                ? "symbolic link inside a linked folder; not followed (a linked folder is walked once)"
                : FolderLinks.Refusal(realRoot, file.FullPath, isDirectory: false);
            var target = refusal is null ? new FileInfo(FolderLinks.RealPath(file.FullPath)!) : null;
            if (target is { Exists: true })
            {
                admitted.Add(file with { Stamp = FileStamp.Of(target) });
            }
            else
            {
                problems.Add(new ArticleProblem(file.DisplayPath, 1, ProblemSeverity.Error, refusal ?? "symbolic link leads nowhere (its target is missing); not followed"));
            }
        }

        return admitted;
    }

    private static bool IsLink(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget is not null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// The visible entries under <paramref name="directory"/>: article files and (not recursed into) linked folders,
    /// plus, for the top level, its visible folders. Links are never recursed into here; <see cref="Walk"/> decides.
    /// </summary>
    private static List<Entry> List(string directory, EnumerationOptions options)
    {
        try
        {
            return [.. new FileSystemEnumerable<Entry>(
                directory,
                (ref FileSystemEntry entry) => new Entry(entry.ToFullPath(), entry.IsDirectory, (entry.Attributes & FileAttributes.ReparsePoint) != 0, new FileStamp(entry.Length, entry.LastWriteTimeUtc.UtcTicks)),
                options)
            {
                ShouldIncludePredicate = (ref FileSystemEntry entry) => entry.IsDirectory
                    ? IsVisible(entry.FileName) && (!options.RecurseSubdirectories || (entry.Attributes & FileAttributes.ReparsePoint) != 0)
                    : IsArticleName(entry.FileName),
                ShouldRecursePredicate = (ref FileSystemEntry entry) => IsVisible(entry.FileName) && (entry.Attributes & FileAttributes.ReparsePoint) == 0,
            }];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Removed or locked while being listed: its files are not there for this sync.
            return [];
        }
    }

    /// <summary>One listed entry: a folder, or an article file with its size and time as listed.</summary>
    private readonly record struct Entry(string FullPath, bool IsDirectory, bool IsLink, FileStamp Stamp)
    {
        public ArticleFile File(int rootLength) => new(FullPath, ToForwardSlashes(FullPath[rootLength..]), Stamp);
    }

    private static bool IsArticleName(ReadOnlySpan<char> name) => IsVisible(name) && name.EndsWith(".md", StringComparison.OrdinalIgnoreCase);

    private static bool IsVisible(ReadOnlySpan<char> name) => name.Length > 0 && name[0] is not ('_' or '.');

    private static string ToForwardSlashes(string path) => Path.DirectorySeparatorChar == '/' ? path : path.Replace(Path.DirectorySeparatorChar, '/');
}
