namespace NewsBot.Knowledge.Articles;

/// <summary>An article file found in the knowledge folder, with its size and time as the listing saw them.</summary>
/// <param name="RelativePath">Relative to the knowledge folder, forward slashes.</param>
internal sealed record ArticleFile(string FullPath, string RelativePath, FileStamp Stamp)
{
    /// <summary>How problems name the file: relative to the working directory when it is inside it (worked out on demand).</summary>
    public string DisplayPath => KnowledgeFolder.DisplayPath(FullPath);
}
