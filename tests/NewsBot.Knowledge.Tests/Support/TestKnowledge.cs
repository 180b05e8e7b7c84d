using Microsoft.Extensions.Time.Testing;

namespace NewsBot.Knowledge.Tests.Support;

/// <summary>
/// A temporary knowledge folder and data folder with a fake clock: write, move and delete article files,
/// then open a <see cref="KnowledgeBase"/> over them. Everything is deleted on dispose.
/// </summary>
internal sealed class TestKnowledge : IDisposable
{
    public static readonly DateTimeOffset Start = new(2025, 6, 2, 9, 0, 0, TimeSpan.Zero);

    private readonly TempFolder _folder = new();
    private readonly List<KnowledgeBase> _opened = [];

    public TestKnowledge()
    {
        Directory.CreateDirectory(KnowledgePath);
    }

    public FakeTimeProvider Time { get; } = new(Start);

    public string KnowledgePath => _folder.Combine("knowledge");

    public string DataPath => _folder.Combine("data");

    public KnowledgeOptions Options => new() { Path = KnowledgePath, DataPath = DataPath, Semantic = false };

    /// <summary>Opens a knowledge base (disposed with this object unless disposed earlier).</summary>
    public KnowledgeBase Open(KnowledgeOptions? options = null)
    {
        var knowledgeBase = KnowledgeBase.Open(options ?? Options, Time);
        _opened.Add(knowledgeBase);
        return knowledgeBase;
    }

    /// <summary>Opens a knowledge base and syncs it once.</summary>
    public KnowledgeBase OpenSynced()
    {
        var knowledgeBase = Open();
        var report = knowledgeBase.Sync();
        Assert.True(report.Skipped == 0, "test articles must be valid: " + string.Join("\n", report.Problems));
        return knowledgeBase;
    }

    /// <summary>Disposes a knowledge base opened here (releasing the index) before the test ends.</summary>
    public void Close(KnowledgeBase knowledgeBase)
    {
        if (_opened.Remove(knowledgeBase))
        {
            knowledgeBase.Dispose();
        }
    }

    public string Write(string relativePath, string content) => _folder.Write(Path.Combine("knowledge", relativePath), content);

    public string WriteBytes(string relativePath, byte[] bytes) => _folder.WriteBytes(Path.Combine("knowledge", relativePath), bytes);

    public void Delete(string relativePath) => File.Delete(Path.Combine(KnowledgePath, relativePath));

    public void Move(string from, string to)
    {
        var target = Path.Combine(KnowledgePath, to);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(Path.Combine(KnowledgePath, from), target);
    }

    public void Dispose()
    {
        foreach (var knowledgeBase in _opened)
        {
            knowledgeBase.Dispose();
        }

        _folder.Dispose();
    }
}
