using NewsBot.Knowledge.Articles;
using NewsBot.Knowledge.Tests.Support;

namespace NewsBot.Knowledge.Tests.Articles;

public sealed class KnowledgeValidatorTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Write(string relativePath, string content) => _folder.Write(relativePath, content);

    [Fact]
    public void Validate_ReturnsNoProblem_WhenEveryArticleIsValid()
    {
        Write("a.md", ArticleText.Create("A", "https://example.org/a", "2024-01-01", "Body A."));
        Write("2024/b.md", ArticleText.Create("B", "https://example.org/b", "2024-01-02", "Body B."));

        Assert.Empty(KnowledgeValidator.Validate(_folder.Path, Now));
    }

    [Fact]
    public void Validate_ReportsDuplicateUrlOnLaterFile_NamingTheFirst()
    {
        var first = Write("2023/a.md", ArticleText.Create("A", "https://example.org/same", "2024-01-01", "Body A."));
        var second = Write("2024/b.md", ArticleText.Create("B", "https://example.org/same", "2024-01-02", "Body B."));

        var problem = Assert.Single(KnowledgeValidator.Validate(_folder.Path, Now));

        Assert.Equal(ProblemSeverity.Error, problem.Severity);
        Assert.Equal(second, problem.Path);
        Assert.Equal(3, problem.Line);
        Assert.Equal($"duplicate url https://example.org/same: already used by {first}", problem.Message);
    }

    [Fact]
    public void Validate_ReportsDuplicateIdOnLaterFile_NamingTheFirst()
    {
        var first = Write("a.md", ArticleText.Create("A", "https://example.org/a", "2024-01-01", ["Body A."], id: "phi-2"));
        var second = Write("b.md", ArticleText.Create("B", "https://example.org/b", "2024-01-02", ["Body B."], id: "phi-2"));

        var problem = Assert.Single(KnowledgeValidator.Validate(_folder.Path, Now));

        Assert.Equal(ProblemSeverity.Error, problem.Severity);
        Assert.Equal(second, problem.Path);
        Assert.Equal(6, problem.Line);
        Assert.Equal($"duplicate id 'phi-2': already used by {first}", problem.Message);
    }

    [Fact]
    public void Validate_ReportsDuplicateId_WhenExplicitIdEqualsAnotherFilesDefaultId()
    {
        var first = Write("2024/phi.md", ArticleText.Create("A", "https://example.org/a", "2024-01-01", "Body A."));
        var second = Write("z.md", ArticleText.Create("B", "https://example.org/b", "2024-01-02", ["Body B."], id: "2024/phi"));

        var problem = Assert.Single(KnowledgeValidator.Validate(_folder.Path, Now));

        Assert.Equal(second, problem.Path);
        Assert.Contains($"already used by {first}", problem.Message);
    }

    [Fact]
    public void Validate_TreatsUrlsAsSame_WhenTheyDifferOnlyInHostCase()
    {
        Write("a.md", ArticleText.Create("A", "https://Example.org/story", "2024-01-01", "Body A."));
        Write("b.md", ArticleText.Create("B", "https://example.ORG/story", "2024-01-02", "Body B."));

        var problem = Assert.Single(KnowledgeValidator.Validate(_folder.Path, Now));

        Assert.Contains("duplicate url", problem.Message);
    }

    [Fact]
    public void Validate_ReportsEveryFilesProblems_WhenSeveralFilesAreBroken()
    {
        var noFrontMatter = Write("a.md", "Just text.\n");
        var badUrl = Write("b.md", ArticleText.Create("B", "ftp://example.org/b", "2024-01-02", "Body B."));
        var unknownField = Write("c.md", "---\ntitle: C\nurl: https://example.org/c\npublished: 2024-01-03\nauthor: Jane\n---\nBody C.\n");
        Write("_draft.md", "not an article, not validated");

        var problems = KnowledgeValidator.Validate(_folder.Path, Now);

        Assert.Equal(
            [(noFrontMatter, 1, ProblemSeverity.Error), (badUrl, 3, ProblemSeverity.Error), (unknownField, 5, ProblemSeverity.Warning)],
            problems.Select(p => (p.Path, p.Line, p.Severity)));
    }

    [Fact]
    public void Validate_ReportsError_WhenKnowledgeFolderDoesNotExist()
    {
        var problem = Assert.Single(KnowledgeValidator.Validate(_folder.Combine("missing"), Now));

        Assert.Equal(ProblemSeverity.Error, problem.Severity);
        Assert.Equal("knowledge folder not found", problem.Message);
    }

    [Fact]
    public void Validate_ReportsNoError_ForEveryFileOfTheCuratedKnowledgeFolder()
    {
        var errors = KnowledgeValidator.Validate(RepositoryPaths.Knowledge, Now)
            .Where(p => p.Severity == ProblemSeverity.Error)
            .Select(p => p.ToString())
            .ToList();

        Assert.True(errors.Count == 0, "knowledge/ has errors:\n" + string.Join("\n", errors));
        Assert.NotEmpty(KnowledgeFolder.Files(RepositoryPaths.Knowledge));
    }
}
