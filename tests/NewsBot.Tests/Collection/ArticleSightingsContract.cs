using NewsBot.Collection;
using NewsBot.Configuration;
using NewsBot.Tests.Storage;

namespace NewsBot.Tests.Collection;

/// <summary>What the shared first-seen times must do on every provider: <see cref="SqliteArticleSightingsTests"/>, <see cref="PostgresArticleSightingsTests"/>.</summary>
public abstract class ArticleSightingsContract(StorageProvider provider) : StoreContract(provider)
{
    private static readonly DateTimeOffset Monday = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Record_KeepsTheFirstTimeRecordedForAUrl_AndReturnsIt()
    {
        var first = await Store.Sightings().RecordAsync([new("https://example.org/a", Monday)], CancellationToken.None);
        var later = await Store.Sightings().RecordAsync([new("https://example.org/a", Monday.AddDays(3)), new("https://example.org/b", Monday.AddDays(3))], CancellationToken.None);

        Assert.Equal(Monday, first["https://example.org/a"]);
        Assert.Equal(Monday, later["https://example.org/a"]);
        Assert.Equal(Monday.AddDays(3), later["https://example.org/b"]);
    }

    [Fact]
    public async Task Record_GivesEveryReplicaTheSameTime_WhenTheyRecordAtOnce()
    {
        var urls = Enumerable.Range(0, 50).Select(i => $"https://example.org/{i}").ToList();
        var replicas = Enumerable.Range(0, 4).Select(_ => Store.Sightings()).ToList();

        var kept = await Task.WhenAll(replicas.Select((sightings, replica) => Task.Run(() =>
            sightings.RecordAsync(urls.Select(url => new ArticleSighting(url, Monday.AddMinutes(replica))).Reverse().ToList(), CancellationToken.None))));

        Assert.All(urls, url => Assert.Single(kept.Select(k => k[url]).Distinct()));
    }

    [Fact]
    public async Task Record_ReturnsNothing_ForNothing()
    {
        Assert.Empty(await Store.Sightings().RecordAsync([], CancellationToken.None));
    }
}
