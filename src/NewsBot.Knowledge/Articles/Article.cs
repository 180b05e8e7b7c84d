namespace NewsBot.Knowledge.Articles;

/// <summary>A curated news article read from one Markdown file of the knowledge folder.</summary>
/// <param name="Id">Stable identifier: the front matter's <c>id</c>, else the path relative to the knowledge folder without <c>.md</c>, with forward slashes.</param>
/// <param name="RelativePath">Path of the file relative to the knowledge folder, with forward slashes.</param>
/// <param name="Published">Publication time; a date without a time is midnight UTC.</param>
/// <param name="ContentHash">SHA-256 of the file's bytes (lowercase hex): what incremental sync compares.</param>
public sealed record Article(
    string Id,
    string RelativePath,
    string Title,
    Uri Url,
    DateTimeOffset Published,
    DateTimeOffset? Updated,
    string? Source,
    IReadOnlyList<string> Tags,
    string? Summary,
    IReadOnlyList<ArticleBlock> Blocks,
    string ContentHash);

/// <summary>One paragraph of an article body, with the heading it sits under and its line in the file.</summary>
public sealed record ArticleBlock(string? Heading, string Text, int Line);
