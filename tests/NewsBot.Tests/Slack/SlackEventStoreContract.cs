using NewsBot.Configuration;
using NewsBot.Slack;
using NewsBot.Tests.Storage;

namespace NewsBot.Tests.Slack;

/// <summary>What the shared record of accepted Slack events must do on every provider: <see cref="SqliteSlackEventStoreTests"/>, <see cref="PostgresSlackEventStoreTests"/>.</summary>
public abstract class SlackEventStoreContract(StorageProvider provider) : StoreContract(provider)
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Memory = TimeSpan.FromHours(1);

    [SkippableFact]
    public async Task TryAccept_AcceptsAKeyOnce_WhicheverReplicaAsks()
    {
        Assert.True(await Store.SlackEvents().TryAcceptAsync("Ev1", "replica-a", Now, Now + Memory, CancellationToken.None));

        Assert.False(await Store.SlackEvents().TryAcceptAsync("Ev1", "replica-b", Now.AddMinutes(1), Now.AddMinutes(1) + Memory, CancellationToken.None));
        Assert.False(await Store.SlackEvents().TryAcceptAsync("Ev1", "replica-a", Now.AddMinutes(59), Now.AddMinutes(59) + Memory, CancellationToken.None));
        Assert.True(await Store.SlackEvents().TryAcceptAsync("Ev2", "replica-b", Now, Now + Memory, CancellationToken.None));
    }

    [SkippableFact]
    public async Task TryAccept_AcceptsAgain_OnceTheRecordExpired()
    {
        await Store.SlackEvents().TryAcceptAsync("Ev1", "replica-a", Now, Now + Memory, CancellationToken.None);

        Assert.True(await Store.SlackEvents().TryAcceptAsync("Ev1", "replica-b", Now + Memory, Now + Memory + Memory, CancellationToken.None));
    }

    [SkippableFact]
    public async Task TryAccept_AcceptsOneOfManyReplicasAskingAtOnce()
    {
        var replicas = Enumerable.Range(0, 6).Select(_ => Store.SlackEvents()).ToList();

        var accepted = await Task.WhenAll(replicas.Select((events, i) => Task.Run(() => events.TryAcceptAsync("Ev1", $"replica-{i}", Now, Now + Memory, CancellationToken.None))));

        Assert.Single(accepted, a => a);
    }

    [SkippableFact]
    public async Task Forget_ReleasesTheOwnersKey_AndNoOneElses()
    {
        var events = Store.SlackEvents();
        await events.TryAcceptAsync("Ev1", "replica-a", Now, Now + Memory, CancellationToken.None);

        await events.ForgetAsync("Ev1", "replica-b", CancellationToken.None);
        Assert.False(await events.TryAcceptAsync("Ev1", "replica-b", Now, Now + Memory, CancellationToken.None));

        await events.ForgetAsync("Ev1", "replica-a", CancellationToken.None);
        Assert.True(await events.TryAcceptAsync("Ev1", "replica-b", Now, Now + Memory, CancellationToken.None));
    }

    [SkippableFact]
    public async Task Purge_DeletesExpiredRecords_Only()
    {
        var events = Store.SlackEvents();
        await events.TryAcceptAsync("old", "replica-a", Now, Now.AddMinutes(1), CancellationToken.None);
        await events.TryAcceptAsync("live", "replica-a", Now, Now + Memory, CancellationToken.None);

        await events.PurgeAsync(Now.AddMinutes(2), CancellationToken.None);

        Assert.True(await events.TryAcceptAsync("old", "replica-b", Now, Now + Memory, CancellationToken.None));
        Assert.False(await events.TryAcceptAsync("live", "replica-b", Now, Now + Memory, CancellationToken.None));
    }
}
