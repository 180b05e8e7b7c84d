using NewsBot.Knowledge.Articles;
using NewsBot.Knowledge.Tests.Support;

namespace NewsBot.Knowledge.Tests.Articles;

public sealed class KnowledgeFolderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Files_ReturnsNestedMarkdownFilesInPathOrder_SkippingHiddenAndUnderscoreNames()
    {
        foreach (var path in new[]
        {
            "b.md", "a.md", "2024/q1/deep.md", "2023/story.MD", "notes.txt", "README",
            "_draft.md", ".hidden.md", "_drafts/x.md", ".git/y.md", "2024/_wip.md", "2024/.cache/z.md",
        })
        {
            _folder.Write(path, "x");
        }

        var files = KnowledgeFolder.Files(_folder.Path);

        Assert.Equal(["2023/story.MD", "2024/q1/deep.md", "a.md", "b.md"], files.Select(f => f.RelativePath));
        Assert.All(files, f => Assert.Equal(Path.Combine(_folder.Path, f.RelativePath.Replace('/', Path.DirectorySeparatorChar)), f.FullPath));
    }

    [Fact]
    public void Files_ReturnsEmpty_WhenFolderDoesNotExist()
    {
        Assert.Empty(KnowledgeFolder.Files(_folder.Combine("missing")));
    }

    [Theory]
    [InlineData("a.md", true)]
    [InlineData("2024/q1/a.md", true)]
    [InlineData("2024/A.MD", true)]
    [InlineData("_a.md", false)]
    [InlineData(".a.md", false)]
    [InlineData("_drafts/a.md", false)]
    [InlineData("2024/.git/a.md", false)]
    [InlineData("a.txt", false)]
    [InlineData("a.md.swp", false)]
    [InlineData("../outside.md", false)]
    public void IsArticlePath_TellsArticles_FromHiddenDraftAndOutsideFiles(string relativePath, bool expected)
    {
        var root = _folder.Combine("knowledge");

        Assert.Equal(expected, KnowledgeFolder.IsArticlePath(root, Path.Combine(root, relativePath)));
    }

    [Fact]
    public void DisplayPath_ReturnsPathRelativeToWorkingDirectory_WhenFileIsInsideIt()
    {
        var inside = Path.Combine(Environment.CurrentDirectory, "knowledge", "2024", "a.md");

        Assert.Equal(Path.Combine("knowledge", "2024", "a.md"), KnowledgeFolder.DisplayPath(inside));
    }

    [Fact]
    public void DisplayPath_ReturnsFullPath_WhenFileIsOutsideWorkingDirectory()
    {
        var outside = Path.GetFullPath(Path.Combine(Environment.CurrentDirectory, "..", "outside-" + Guid.NewGuid().ToString("N"), "a.md"));

        Assert.Equal(outside, KnowledgeFolder.DisplayPath(outside));
    }
}
