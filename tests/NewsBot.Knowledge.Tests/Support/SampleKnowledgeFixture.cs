namespace NewsBot.Knowledge.Tests.Support;

/// <summary>The sample collection synced once into a temporary index, shared by the tests of a class (they only ask).</summary>
public sealed class SampleKnowledgeFixture : IDisposable
{
    private readonly TestKnowledge _knowledge = new();

    public SampleKnowledgeFixture()
    {
        SampleArticles.WriteAll(_knowledge);
        Knowledge = _knowledge.OpenSynced();
    }

    public KnowledgeBase Knowledge { get; }

    public void Dispose() => _knowledge.Dispose();
}
