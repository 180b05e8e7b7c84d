using NewsBot.Knowledge.Articles;
using NewsBot.Knowledge.Tests.Support;

namespace NewsBot.Knowledge.Tests.Articles;

/// <summary>
/// The knowledge folder is a jail for <c>lint</c> (the validator) and <c>index</c> (the sync): symbolic links that leave
/// it or loop are refused with their paths, in-folder links are followed once, and oversized files are refused unread.
/// </summary>
public sealed class KnowledgeFolderJailTests : IDisposable
{
    private static readonly DateTimeOffset Now = TestKnowledge.Start;
    private readonly TestKnowledge _knowledge = new();
    private readonly TempFolder _outside = new();

    public void Dispose()
    {
        _knowledge.Dispose();
        _outside.Dispose();
    }

    [Fact]
    public void FolderLinkThatLoops_IsRefusedByLintAndIndex_WithItsPath_AndWalkedOnce()
    {
        _knowledge.Write("2024/phi.md", SampleArticles.PhiMit);
        Directory.CreateSymbolicLink(Path.Combine(_knowledge.KnowledgePath, "2024", "loop"), "..");

        var lint = KnowledgeValidator.Validate(_knowledge.KnowledgePath, Now);
        using var knowledge = _knowledge.Open();
        var report = knowledge.Sync(TestContext.Current.CancellationToken);

        foreach (var problems in new[] { lint, report.Problems })
        {
            var problem = Assert.Single(problems);
            Assert.EndsWith(Path.Combine("2024", "loop"), problem.Path, StringComparison.Ordinal);
            Assert.Contains("loop", problem.Message, StringComparison.Ordinal);
        }

        Assert.Equal(1, report.Articles);
        Assert.Equal(["2024/phi.md"], KnowledgeFolder.Files(_knowledge.KnowledgePath).Select(f => f.RelativePath));
    }

    [Fact]
    public void LinksLeadingOutside_AreRefusedByLintAndIndex_AndNeverAnswered()
    {
        var secret = _outside.Write("secret.md", SampleArticles.Llama);
        _outside.Write("folder/secret.md", SampleArticles.Claude);
        _knowledge.Write("phi.md", SampleArticles.PhiMit);
        File.CreateSymbolicLink(Path.Combine(_knowledge.KnowledgePath, "leak.md"), secret);
        Directory.CreateSymbolicLink(Path.Combine(_knowledge.KnowledgePath, "elsewhere"), _outside.Combine("folder"));
        File.CreateSymbolicLink(Path.Combine(_knowledge.KnowledgePath, "hostname.md"), "/etc/hostname");

        var lint = KnowledgeValidator.Validate(_knowledge.KnowledgePath, Now);
        using var knowledge = _knowledge.Open();
        var report = knowledge.Sync(TestContext.Current.CancellationToken);

        foreach (var problems in new[] { lint, report.Problems })
        {
            Assert.Equal(["elsewhere", "hostname.md", "leak.md"], problems.Select(p => Path.GetFileName(p.Path)).Order(StringComparer.Ordinal));
            Assert.All(problems, p => Assert.Contains("outside the knowledge folder", p.Message, StringComparison.Ordinal));
        }

        Assert.Equal(1, report.Articles);
        Assert.DoesNotContain(knowledge.Latest(10), a => a.Title.Contains("Llama", StringComparison.Ordinal) || a.Title.Contains("Claude", StringComparison.Ordinal));
    }

    [Fact]
    public void LinkThroughAFolderLinkLeadingOutside_IsRefused()
    {
        _outside.Write("x/secret.md", SampleArticles.Llama);
        Directory.CreateSymbolicLink(Path.Combine(_knowledge.KnowledgePath, "_out"), _outside.Path);
        _knowledge.Write("phi.md", SampleArticles.PhiMit);
        File.CreateSymbolicLink(Path.Combine(_knowledge.KnowledgePath, "sneaky.md"), Path.Combine("_out", "x", "secret.md"));

        var problem = Assert.Single(KnowledgeValidator.Validate(_knowledge.KnowledgePath, Now));

        Assert.EndsWith("sneaky.md", problem.Path, StringComparison.Ordinal);
        Assert.Contains("outside the knowledge folder", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LinksInsideTheFolder_AreFollowedOnce()
    {
        _knowledge.Write("_shared/claude.md", SampleArticles.Claude);
        _knowledge.Write("_shared/deeper/llama.md", SampleArticles.Llama);
        _knowledge.Write("_archive/phi.md", SampleArticles.PhiMit);
        Directory.CreateSymbolicLink(Path.Combine(_knowledge.KnowledgePath, "2024"), "_shared");
        Directory.CreateSymbolicLink(Path.Combine(_knowledge.KnowledgePath, "_shared", "again"), Path.Combine("..", "_archive"));
        File.CreateSymbolicLink(Path.Combine(_knowledge.KnowledgePath, "phi.md"), Path.Combine("_archive", "phi.md"));

        var refused = new List<ArticleProblem>();
        var files = KnowledgeFolder.Files(_knowledge.KnowledgePath, refused);

        Assert.Equal(["2024/claude.md", "2024/deeper/llama.md", "phi.md"], files.Select(f => f.RelativePath));
        var problem = Assert.Single(refused);
        Assert.EndsWith(Path.Combine("2024", "again"), problem.Path, StringComparison.Ordinal);
        Assert.Contains("inside a linked folder", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwentyMegabyteArticle_IsRefusedByLintAndIndex_WithItsName()
    {
        _knowledge.Write("phi.md", SampleArticles.PhiMit);
        _knowledge.Write("huge.md", SampleArticles.Llama + new string('x', 20 * 1024 * 1024));

        var lint = KnowledgeValidator.Validate(_knowledge.KnowledgePath, Now);
        using var knowledge = _knowledge.Open();
        var report = knowledge.Sync(TestContext.Current.CancellationToken);

        foreach (var problems in new[] { lint, report.Problems })
        {
            var problem = Assert.Single(problems);
            Assert.EndsWith("huge.md", problem.Path, StringComparison.Ordinal);
            Assert.Contains("Knowledge:MaxArticleBytes (1,048,576)", problem.Message, StringComparison.Ordinal);
        }

        Assert.Equal(1, report.Articles);
    }

    [Fact]
    public void RefusedFile_IsNotReadAgain_UntilItsSizeOrTimeChanges()
    {
        _knowledge.Write("phi.md", SampleArticles.PhiMit);
        var broken = SampleArticles.Llama.Replace("title:", "titel:", StringComparison.Ordinal);
        var path = _knowledge.Write("llama.md", broken);
        var written = File.GetLastWriteTimeUtc(path);
        using var knowledge = _knowledge.Open();
        var first = knowledge.Sync(TestContext.Current.CancellationToken);

        // Same size and time, other (valid) content: not read, so still refused with the same problems.
        Assert.Equal(broken.Length, SampleArticles.Llama.Length);
        File.WriteAllText(path, SampleArticles.Llama);
        File.SetLastWriteTimeUtc(path, written);
        var second = knowledge.Sync(TestContext.Current.CancellationToken);

        File.WriteAllText(path, SampleArticles.Llama);
        var third = knowledge.Sync(TestContext.Current.CancellationToken);

        Assert.Equal(1, first.Skipped);
        Assert.Equal(first.Problems, second.Problems);
        Assert.Equal(1, second.Articles);
        Assert.Equal(0, third.Skipped);
        Assert.Equal(2, third.Articles);
    }
}
