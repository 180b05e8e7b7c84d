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
    public void Files_GiveEachFileTheSizeAndTimeOfItsEntry_SoThatSyncNeedNotLookAgain()
    {
        var path = _folder.Write("2024/a.md", "twelve bytes");
        File.SetLastWriteTimeUtc(path, new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc));

        var file = Assert.Single(KnowledgeFolder.Files(_folder.Path));

        Assert.Equal(FileStamp.Of(new FileInfo(path)), file.Stamp);
        Assert.Equal(new FileStamp(12, new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc).Ticks), file.Stamp);
    }

    [Fact]
    public void Files_OfASubfolder_ReturnsPathsRelativeToTheKnowledgeFolder()
    {
        foreach (var path in new[] { "a.md", "2024/b.md", "2024/q1/c.md", "2024/_wip/d.md", "2025/e.md" })
        {
            _folder.Write(path, "x");
        }

        var files = KnowledgeFolder.Files(_folder.Path, Path.Combine(_folder.Path, "2024"));

        Assert.Equal(["2024/b.md", "2024/q1/c.md"], files.Select(f => f.RelativePath));
    }

    [Theory]
    [InlineData("2024/a.md", "2024/a.md")]
    [InlineData("2024/_wip/a.md", null)]
    [InlineData("_a.md", null)]
    [InlineData("a.txt", null)]
    [InlineData("missing.md", null)]
    [InlineData("2024", null)]
    public void File_ReturnsTheArticleFile_OnlyForAnExistingVisibleMarkdownFile(string path, string? expected)
    {
        foreach (var existing in new[] { "2024/a.md", "2024/_wip/a.md", "_a.md", "a.txt" })
        {
            _folder.Write(existing, "x");
        }

        Assert.Equal(expected, KnowledgeFolder.File(_folder.Path, Path.Combine(_folder.Path, path))?.RelativePath);
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
