using Microsoft.Extensions.Time.Testing;

namespace NewsBot.Knowledge.Tests.Support;

/// <summary>The repository's real knowledge/ folder synced once into a temporary data folder.</summary>
public sealed class CuratedKnowledgeFixture : IDisposable
{
    private readonly TempFolder _data = new();

    public CuratedKnowledgeFixture()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Knowledge = KnowledgeBase.Open(new KnowledgeOptions { Path = RepositoryPaths.Knowledge, DataPath = _data.Path, Semantic = false }, time);
        SyncReport = Knowledge.Sync();
    }

    public KnowledgeBase Knowledge { get; }

    public SyncReport SyncReport { get; }

    public void Dispose()
    {
        Knowledge.Dispose();
        _data.Dispose();
    }
}
