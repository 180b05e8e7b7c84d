using Microsoft.Extensions.Time.Testing;

namespace NewsBot.Knowledge.Tests.Support;

/// <summary>The repository's knowledge/ folder with semantic ranking on, every passage embedded (about half a minute on 2 cores).</summary>
public sealed class SemanticCuratedKnowledgeFixture : IDisposable
{
    private readonly TempFolder _data = new();

    public SemanticCuratedKnowledgeFixture()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Knowledge = KnowledgeBase.Open(new KnowledgeOptions { Path = RepositoryPaths.Knowledge, DataPath = _data.Path, Semantic = true, EmbeddingThreads = Environment.ProcessorCount }, time);
        Knowledge.Sync();
        Knowledge.WhenVectorsReadyAsync().GetAwaiter().GetResult();
    }

    public KnowledgeBase Knowledge { get; }

    public void Dispose()
    {
        Knowledge.Dispose();
        _data.Dispose();
    }
}
