namespace NewsBot.Knowledge.Articles;

/// <summary>An article file found in the knowledge folder.</summary>
/// <param name="RelativePath">Relative to the knowledge folder, forward slashes.</param>
/// <param name="DisplayPath">How problems name the file: relative to the working directory when it is inside it.</param>
internal sealed record ArticleFile(string FullPath, string RelativePath, string DisplayPath);
