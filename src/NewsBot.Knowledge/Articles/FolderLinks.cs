namespace NewsBot.Knowledge.Articles;

/// <summary>
/// The knowledge folder is a jail: a symbolic link (or junction) is followed only when where it really leads (every
/// link on the way resolved) is inside the folder, and a link to a folder only when that folder does not contain the
/// link (a loop). A linked folder is walked once: links inside it are not followed.
/// </summary>
internal static class FolderLinks
{
    /// <summary>Links followed while resolving one path before it counts as a loop, as Linux's own limit.</summary>
    private const int MaxHops = 40;

    /// <summary>Why the link at <paramref name="linkPath"/> is not followed, or null when it may be.</summary>
    /// <param name="realRoot">The knowledge folder's <see cref="RealPath"/>.</param>
    public static string? Refusal(string realRoot, string linkPath, bool isDirectory)
    {
        var target = RealPath(linkPath);
        if (target is null)
        {
            return "symbolic link loops (too many links to resolve); not followed";
        }

        if (!IsWithin(target, realRoot))
        {
            return $"symbolic link leads outside the knowledge folder (to {target}); not followed";
        }

        if (isDirectory && RealPath(Path.GetDirectoryName(Path.GetFullPath(linkPath))!) is { } parent && IsWithin(parent, target))
        {
            return $"symbolic link to a folder that contains it ({target}) would loop; not followed";
        }

        return null;
    }

    /// <summary>
    /// <paramref name="path"/> with every symbolic link on it resolved, as realpath(3) does; null when resolving takes
    /// more than 40 links (a loop). A part that does not exist is kept as it is.
    /// </summary>
    public static string? RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var current = Path.GetPathRoot(full)!;
        var pending = new Stack<string>(Parts(full).Reverse());
        var hops = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Combine(current, part);
            if (LinkTarget(next) is not { } target)
            {
                current = next;
                continue;
            }

            if (++hops > MaxHops)
            {
                return null;
            }

            var resolved = Path.IsPathRooted(target) ? target : Path.Combine(current, target);
            foreach (var targetPart in Parts(resolved).Reverse())
            {
                pending.Push(targetPart);
            }

            current = Path.GetPathRoot(Path.GetFullPath(resolved))!;
        }

        return current;
    }

    /// <summary>True when <paramref name="path"/> is <paramref name="folder"/> or inside it (both real paths).</summary>
    public static bool IsWithin(string path, string folder)
    {
        if (string.Equals(path, folder, StringComparison.Ordinal))
        {
            return true;
        }

        var prefix = Path.EndsInDirectorySeparator(folder) ? folder : folder + Path.DirectorySeparatorChar;
        return path.StartsWith(prefix, StringComparison.Ordinal);
    }

    private static string? LinkTarget(string path)
    {
        try
        {
            return new FileInfo(path).LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static IEnumerable<string> Parts(string path)
    {
        var root = Path.GetPathRoot(path) ?? string.Empty;
        return path[root.Length..].Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
    }
}
