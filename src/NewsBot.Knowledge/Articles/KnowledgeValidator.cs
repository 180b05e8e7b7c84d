namespace NewsBot.Knowledge.Articles;

/// <summary>The lint of a knowledge folder: every file read, every problem reported, nothing indexed.</summary>
internal static class KnowledgeValidator
{
    /// <param name="maxArticleBytes">Files larger than this are reported and not read (<see cref="KnowledgeOptions.MaxArticleBytes"/>).</param>
    public static List<ArticleProblem> Validate(string knowledgeRoot, DateTimeOffset now, int maxArticleBytes = KnowledgeOptions.DefaultMaxArticleBytes)
    {
        var problems = new List<ArticleProblem>();
        if (!Directory.Exists(knowledgeRoot))
        {
            problems.Add(new ArticleProblem(KnowledgeFolder.DisplayPath(Path.GetFullPath(knowledgeRoot)), 1, ProblemSeverity.Error, "knowledge folder not found"));
            return problems;
        }

        var urls = new Dictionary<string, string>(StringComparer.Ordinal);
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in KnowledgeFolder.Files(knowledgeRoot, problems))
        {
            var (bytes, problem) = ArticleBytes.Read(file, maxArticleBytes);
            if (bytes is null)
            {
                problems.Add(problem!);
                continue;
            }

            var result = ArticleReader.Read(bytes, file.RelativePath, file.DisplayPath, now);

            problems.AddRange(result.Problems);
            if (result.Article is not { } article)
            {
                continue;
            }

            if (!urls.TryAdd(article.Url.AbsoluteUri, file.DisplayPath))
            {
                problems.Add(new ArticleProblem(file.DisplayPath, result.LineOf("url"), ProblemSeverity.Error, $"duplicate url {article.Url.AbsoluteUri}: already used by {urls[article.Url.AbsoluteUri]}"));
            }

            if (!ids.TryAdd(article.Id, file.DisplayPath))
            {
                problems.Add(new ArticleProblem(file.DisplayPath, result.LineOf("id"), ProblemSeverity.Error, $"duplicate id '{article.Id}': already used by {ids[article.Id]}"));
            }
        }

        return problems;
    }
}
