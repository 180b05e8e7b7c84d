namespace NewsBot.Knowledge.Articles;

/// <summary>Reads an article file's bytes, at most a limit: a file larger than that is refused without reading it whole.</summary>
internal static class ArticleBytes
{
    /// <summary>The bytes, or null and the problem that says why not (too large, unreadable).</summary>
    public static (byte[]? Bytes, ArticleProblem? Problem) Read(ArticleFile file, int maxBytes)
    {
        ArgumentNullException.ThrowIfNull(file);
        if (file.Stamp.Size > maxBytes)
        {
            return (null, TooLarge(file, file.Stamp.Size, maxBytes));
        }

        try
        {
            using var stream = new FileStream(file.FullPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (stream.Length > maxBytes)
            {
                return (null, TooLarge(file, stream.Length, maxBytes));
            }

            // Grown since it was listed: read no more than the limit and one byte to tell.
            var buffer = new byte[Math.Min(stream.Length, maxBytes) + 1];
            var read = 0;
            int chunk;
            while (read < buffer.Length && (chunk = stream.Read(buffer, read, buffer.Length - read)) > 0)
            {
                read += chunk;
            }

            return read > maxBytes ? (null, TooLarge(file, read, maxBytes)) : (buffer[..read], null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return (null, new ArticleProblem(file.DisplayPath, 1, ProblemSeverity.Error, $"cannot read the file: {ex.Message}"));
        }
    }

    private static ArticleProblem TooLarge(ArticleFile file, long size, int maxBytes) =>
        new(file.DisplayPath, 1, ProblemSeverity.Error, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the file is {size:N0} bytes, more than Knowledge:MaxArticleBytes ({maxBytes:N0}); it is not read"));
}
