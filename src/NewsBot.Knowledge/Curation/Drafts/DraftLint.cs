using NewsBot.Knowledge.Articles;
using NewsBot.Knowledge.Curation.Extraction;

namespace NewsBot.Knowledge.Curation.Drafts;

/// <summary>
/// <c>lint</c> for one draft, as if it were already published where <c>publish</c> would put it: the file's own
/// problems (<see cref="ArticleReader"/>, the same rules and messages as <c>lint</c>) and a url or id that an article
/// of the collection already has.
/// </summary>
internal static class DraftLint
{
    public static List<ArticleProblem> Check(string knowledgeRoot, string draftPath, DateTimeOffset now)
    {
        var display = KnowledgeFolder.DisplayPath(Path.GetFullPath(draftPath));
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(draftPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [new ArticleProblem(display, 1, ProblemSeverity.Error, $"cannot read the file: {ex.Message}")];
        }

        var result = ArticleReader.Read(bytes, TargetRelativePath(draftPath), display, now);
        var problems = result.Problems.ToList();
        if (result.Article is not { } article)
        {
            return problems;
        }

        foreach (var file in KnowledgeFolder.Files(knowledgeRoot))
        {
            if (FrontMatterFields.Read(file.FullPath, withBody: false) is not { } other)
            {
                continue;
            }

            if (other["url"] is { } url && Uri.TryCreate(url, UriKind.Absolute, out var otherUrl) && UrlKey.Of(otherUrl) == UrlKey.Of(article.Url))
            {
                problems.Add(new ArticleProblem(display, result.LineOf("url"), ProblemSeverity.Error, $"duplicate url {article.Url.AbsoluteUri}: already used by {file.DisplayPath}"));
            }

            var otherId = other["id"] ?? file.RelativePath[..^".md".Length];
            if (otherId == article.Id)
            {
                problems.Add(new ArticleProblem(display, result.LineOf("id"), ProblemSeverity.Error, $"duplicate id '{article.Id}': already used by {file.DisplayPath}"));
            }
        }

        return problems;
    }

    /// <summary>Where the draft goes when published, relative to the knowledge folder: <c>&lt;year of published&gt;/&lt;file name&gt;</c>.</summary>
    public static string TargetRelativePath(string draftPath)
    {
        var published = FrontMatterFields.Read(draftPath, withBody: false)?["published"];
        var year = PageDate.Parse(published)?.Value.Year.ToString(System.Globalization.CultureInfo.InvariantCulture)
            ?? Path.GetFileName(Path.GetDirectoryName(draftPath)) ?? "undated";
        return $"{year}/{Path.GetFileName(draftPath)}";
    }
}
