using System.Data.Common;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Collection;
using NewsBot.Knowledge;
using NewsBot.Tests.Storage;

namespace NewsBot.Tests.Collection;

/// <summary>
/// Two replicas' knowledge bases over one knowledge folder, each with its own index and clock, sharing first-seen
/// times through one database (SQLite here, PostgreSQL in the suite's PostgreSQL run).
/// </summary>
public sealed class SharedFirstSeenKnowledgeBaseTests : IDisposable
{
    private static readonly DateTimeOffset Monday = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);
    private readonly TestKnowledge _knowledge = new();
    private readonly TestStore _store = TestStore.Create(TestStore.HostProvider);
    private readonly List<IKnowledgeBase> _opened = [];

    [Fact]
    public void AReplicaStartedLater_DoesNotCountTheCollectionAsNew()
    {
        var first = Replica("a", Monday, _store.Sightings());
        first.Sync(TestContext.Current.CancellationToken);
        var later = Replica("b", Monday.AddDays(3), _store.Sightings());
        later.Sync(TestContext.Current.CancellationToken);

        Assert.Empty(later.ArticlesSeenSince(Monday.AddDays(2)));
        Assert.All(later.ArticlesSeenSince(Monday), article => Assert.Equal(Monday, article.FirstSeen));
        Assert.Equal(3, later.ArticlesSeenSince(Monday, Monday.AddTicks(1)).Count);
    }

    [Fact]
    public void ANewArticle_FallsInTheSameWindowOnEveryReplica()
    {
        var a = Replica("a", Monday, _store.Sightings(), out var clockA);
        var b = Replica("b", Monday, _store.Sightings(), out var clockB);
        a.Sync(TestContext.Current.CancellationToken);
        b.Sync(TestContext.Current.CancellationToken);

        _knowledge.Write("2026/new.md", TestKnowledge.Article("Mistral ships a new model", "https://example.org/new", "2026-01-06", "Mistral shipped a model."));
        clockB.SetUtcNow(Monday.AddHours(5));
        b.Sync(TestContext.Current.CancellationToken);
        clockA.SetUtcNow(Monday.AddHours(6));
        a.Sync(TestContext.Current.CancellationToken);

        var seenByA = Assert.Single(a.ArticlesSeenSince(Monday.AddHours(1)));
        var seenByB = Assert.Single(b.ArticlesSeenSince(Monday.AddHours(1)));
        Assert.Equal(Monday.AddHours(5), seenByA.FirstSeen);
        Assert.Equal(Monday.AddHours(5), seenByB.FirstSeen);
        Assert.Empty(a.ArticlesSeenSince(Monday.AddHours(5).AddTicks(1)));
    }

    [Fact]
    public void ArticlesSeenSince_UsesTheReplicasOwnTimes_WhileTheDatabaseDoesNotAnswer_ThenSharesThem()
    {
        var first = Replica("a", Monday, _store.Sightings());
        first.Sync(TestContext.Current.CancellationToken);
        var down = new FlakySightings(_store.Sightings()) { Down = true };
        var later = Replica("b", Monday.AddDays(3), down, out var clock);

        later.Sync(TestContext.Current.CancellationToken);
        Assert.Equal(3, later.ArticlesSeenSince(Monday.AddDays(2)).Count);

        down.Down = false;
        clock.Advance(TimeSpan.FromMinutes(5));
        later.Sync(TestContext.Current.CancellationToken);
        Assert.Empty(later.ArticlesSeenSince(Monday.AddDays(2)));
    }

    [Fact]
    public void ArticlesSeenSince_BeforeAnySync_ReportsTheIndexAsItIs()
    {
        var first = Replica("a", Monday, _store.Sightings());
        first.Sync(TestContext.Current.CancellationToken);
        first.Dispose();
        _opened.Remove(first);

        var reopened = Replica("a", Monday.AddDays(1), _store.Sightings());

        Assert.Equal(3, reopened.ArticlesSeenSince(Monday).Count);
    }

    public void Dispose()
    {
        foreach (var knowledge in _opened)
        {
            knowledge.Dispose();
        }

        _store.Dispose();
        _knowledge.Dispose();
    }

    private IKnowledgeBase Replica(string name, DateTimeOffset now, IArticleSightings sightings) => Replica(name, now, sightings, out _);

    private IKnowledgeBase Replica(string name, DateTimeOffset now, IArticleSightings sightings, out FakeTimeProvider clock)
    {
        clock = new FakeTimeProvider(now);
        var options = new KnowledgeOptions { Path = _knowledge.KnowledgePath, DataPath = Path.Combine(_knowledge.Root, $"data-{name}"), Semantic = false };
        var knowledge = new SharedFirstSeenKnowledgeBase(KnowledgeBase.Open(options, clock), sightings, NullLogger<SharedFirstSeenKnowledgeBase>.Instance);
        _opened.Add(knowledge);
        return knowledge;
    }

    /// <summary>The shared times, unless the database is down.</summary>
    private sealed class FlakySightings(IArticleSightings inner) : IArticleSightings
    {
        public bool Down { get; set; }

        public Task<IReadOnlyDictionary<string, DateTimeOffset>> RecordAsync(IReadOnlyCollection<ArticleSighting> sightings, CancellationToken cancellationToken) =>
            Down ? throw new DatabaseDown() : inner.RecordAsync(sightings, cancellationToken);
    }

    private sealed class DatabaseDown() : DbException("the database is down");
}
