using Microsoft.Extensions.Time.Testing;

namespace NewsBot.Knowledge.Tests.Indexing;

/// <summary>Sync skips files whose size and modification time are unchanged, and lets the content hash decide otherwise.</summary>
public sealed class FileStampSyncTests : IDisposable
{
    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("newsbot-stamp-");

    private string KnowledgePath => Path.Combine(_root.FullName, "knowledge");

    [Fact]
    public void Sync_CountsATouchedFileAsUnchanged()
    {
        var path = Write("a.md", "Zeta-9 ships with an open licence.");
        using var knowledge = Open();
        knowledge.Sync(TestContext.Current.CancellationToken);
        File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddMinutes(5));

        var report = knowledge.Sync(TestContext.Current.CancellationToken);

        Assert.Equal((0, 0, 1), (report.Added, report.Updated, report.Unchanged));
    }

    [Fact]
    public void Sync_ReindexesAFile_WhoseContentChangesWithoutChangingItsSize()
    {
        var path = Write("a.md", "Zeta-9 ships with an open licence.");
        using var knowledge = Open();
        knowledge.Sync(TestContext.Current.CancellationToken);
        var before = File.GetLastWriteTimeUtc(path);
        Write("a.md", "Zeta-9 ships with a paid licence.");
        File.SetLastWriteTimeUtc(path, before.AddSeconds(1));

        var report = knowledge.Sync(TestContext.Current.CancellationToken);

        Assert.Equal(1, report.Updated);
        Assert.Contains("paid licence", knowledge.Ask("What licence does Zeta-9 ship with?").Results[0].Passage);
    }

    [Fact]
    public void Sync_KeepsTheCatalogInStepWithTheIndex_AcrossAddUpdateAndRemove()
    {
        Write("a.md", "Zeta-9 ships with an open licence.");
        var b = Write("b.md", "Omega-3 model arrives with a new tokenizer.");
        using var knowledge = Open();
        knowledge.Sync(TestContext.Current.CancellationToken);
        Write("c.md", "Kappa-7 doubles its context window.");
        File.Delete(b);

        knowledge.Sync(TestContext.Current.CancellationToken);

        using var reopened = Open(); // read-only: the first still holds the write lock
        Assert.Equal(
            reopened.Latest(10).Select(a => a.Id).Order(),
            knowledge.Latest(10).Select(a => a.Id).Order());
        Assert.Equal(2, knowledge.Stats.Articles);
    }

    private KnowledgeBase Open() => KnowledgeBase.Open(
        new KnowledgeOptions { Path = KnowledgePath, DataPath = Path.Combine(_root.FullName, "data"), Semantic = false },
        new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero)));

    private string Write(string name, string body)
    {
        Directory.CreateDirectory(KnowledgePath);
        var path = Path.Combine(KnowledgePath, name);
        var id = Path.GetFileNameWithoutExtension(name);
        File.WriteAllText(path, $"---\ntitle: \"Story {id}\"\nurl: https://example.org/{id}\npublished: 2026-01-01\n---\n{body}\n");
        return path;
    }

    public void Dispose() => _root.Delete(recursive: true);
}
