using NewsBot.Configuration;

namespace NewsBot.Tests.Configuration;

public sealed class NewsBotPathsTests : IDisposable
{
    private readonly DirectoryInfo _repo = Directory.CreateTempSubdirectory("newsbot-repo-");

    public NewsBotPathsTests()
    {
        Directory.CreateDirectory(Path.Combine(_repo.FullName, "knowledge"));
        Directory.CreateDirectory(Path.Combine(_repo.FullName, "src", "NewsBot", "bin"));
        File.WriteAllText(Path.Combine(_repo.FullName, "Bot.sln"), string.Empty);
    }

    [Fact]
    public void Resolve_FindsRepositoryKnowledgeAndKeepsDataAtTheRoot_WhenRunFromSrc()
    {
        var src = Path.Combine(_repo.FullName, "src", "NewsBot");

        var (knowledge, data) = NewsBotPaths.Resolve(null, null, src, Path.GetTempPath());

        Assert.Equal(Path.Combine(_repo.FullName, "knowledge"), knowledge);
        Assert.Equal(Path.Combine(_repo.FullName, ".newsbot"), data);
    }

    [Fact]
    public void Resolve_FindsRepositoryKnowledgeFromTheAppFolder_WhenRunFromElsewhere()
    {
        var bin = Path.Combine(_repo.FullName, "src", "NewsBot", "bin");

        var (knowledge, _) = NewsBotPaths.Resolve(null, null, Path.GetTempPath(), bin);

        Assert.Equal(Path.Combine(_repo.FullName, "knowledge"), knowledge);
    }

    [Fact]
    public void Resolve_TakesGivenPathsRelativeToTheWorkingDirectory()
    {
        var (knowledge, data) = NewsBotPaths.Resolve("my-articles", "my-data", _repo.FullName, _repo.FullName);

        Assert.Equal(Path.Combine(_repo.FullName, "my-articles"), knowledge);
        Assert.Equal(Path.Combine(_repo.FullName, "my-data"), data);
    }

    [Fact]
    public void Resolve_PutsDataBesideAGivenKnowledgeFolder_WhenDataIsNotGiven()
    {
        var other = Path.Combine(_repo.FullName, "elsewhere", "articles");

        var (_, data) = NewsBotPaths.Resolve(other, null, _repo.FullName, _repo.FullName);

        Assert.Equal(Path.Combine(_repo.FullName, "elsewhere", ".newsbot"), data);
    }

    public void Dispose() => _repo.Delete(recursive: true);
}
