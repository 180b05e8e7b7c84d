using NewsBot.Configuration;
using NewsBot.Digests;
using NewsBot.Tests.Storage;

namespace NewsBot.Tests.Digests;

/// <summary>
/// What the digest subscription store must do on every provider (<see cref="SqliteDigestSubscriptionsTests"/>,
/// <see cref="PostgresDigestSubscriptionsTests"/>): keep subscriptions, and hand each due one to one claimer at a time,
/// whichever replica asks. Every <c>Store.Digests()</c> is a separate database object on the same data.
/// </summary>
public abstract class DigestSubscriptionsContract(StorageProvider provider) : StoreContract(provider)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task Save_RoundTripsEveryField_AcrossARestart()
    {
        var saved = Subscription("a") with { WeekdaysOnly = true, State = DigestState.Paused, PausedReason = "gone (404)", LastDelivery = Now.AddHours(-1), Attempts = 2 };
        await Store.Digests().SaveAsync(saved, CancellationToken.None);

        var found = await Store.Digests().FindAsync("msteams:a", CancellationToken.None);

        Assert.Equal(saved, found);
    }

    [Fact]
    public async Task Save_ReplacesTheConversationsSubscription()
    {
        var store = Store.Digests();
        await store.SaveAsync(Subscription("a"), CancellationToken.None);

        await store.SaveAsync(Subscription("a") with { LocalTime = new TimeOnly(7, 30), TimeZoneId = "UTC" }, CancellationToken.None);

        var found = await Store.Digests().FindAsync("msteams:a", CancellationToken.None);
        Assert.Equal((new TimeOnly(7, 30), "UTC"), (found!.LocalTime, found.TimeZoneId));
    }

    [Fact]
    public async Task ClaimDue_ClaimsActiveSubscriptionsDueNow_LongestWaitingFirst()
    {
        var store = Store.Digests();
        await store.SaveAsync(Subscription("later") with { NextDelivery = Now.AddMinutes(1) }, CancellationToken.None);
        await store.SaveAsync(Subscription("due") with { NextDelivery = Now }, CancellationToken.None);
        await store.SaveAsync(Subscription("overdue") with { NextDelivery = Now.AddHours(-2) }, CancellationToken.None);
        await store.SaveAsync(Subscription("paused") with { NextDelivery = Now.AddHours(-3), State = DigestState.Paused }, CancellationToken.None);

        var due = await store.ClaimDueAsync(Now, "replica-a", Now + Lease, 10, CancellationToken.None);

        Assert.Equal(["msteams:overdue", "msteams:due"], due.Select(s => s.ConversationKey));
    }

    [Fact]
    public async Task ClaimDue_TakesAtMostTheLimit_TheLongestWaiting()
    {
        var store = Store.Digests();
        for (var i = 0; i < 5; i++)
        {
            await store.SaveAsync(Subscription($"c{i}") with { NextDelivery = Now.AddMinutes(-i) }, CancellationToken.None);
        }

        var due = await store.ClaimDueAsync(Now, "replica-a", Now + Lease, 2, CancellationToken.None);

        Assert.Equal(["msteams:c4", "msteams:c3"], due.Select(s => s.ConversationKey));
    }

    [Fact]
    public async Task ClaimDue_GivesNothing_WhileAnotherReplicasClaimHolds_AndEverything_OnceItExpired()
    {
        await Store.Digests().SaveAsync(Subscription("a") with { NextDelivery = Now }, CancellationToken.None);
        Assert.Single(await Store.Digests().ClaimDueAsync(Now, "replica-a", Now + Lease, 10, CancellationToken.None));

        var whileHeld = await Store.Digests().ClaimDueAsync(Now.AddMinutes(1), "replica-b", Now.AddMinutes(1) + Lease, 10, CancellationToken.None);
        var afterExpiry = await Store.Digests().ClaimDueAsync(Now + Lease, "replica-b", Now + Lease + Lease, 10, CancellationToken.None);

        Assert.Empty(whileHeld);
        Assert.Equal(["msteams:a"], afterExpiry.Select(s => s.ConversationKey));
    }

    [Fact]
    public async Task ClaimDue_NeverGivesOneSubscriptionToTwoReplicas_ClaimingAtOnce()
    {
        var setup = Store.Digests();
        for (var i = 0; i < 60; i++)
        {
            await setup.SaveAsync(Subscription($"c{i:D2}") with { NextDelivery = Now }, CancellationToken.None);
        }

        var replicas = Enumerable.Range(0, 4).Select(_ => Store.Digests()).ToList();
        var claims = await Task.WhenAll(replicas.Select((store, r) => Task.Run(async () =>
        {
            var mine = new List<string>();
            while ((await store.ClaimDueAsync(Now, $"replica-{r}", Now + Lease, 5, CancellationToken.None)) is { Count: > 0 } batch)
            {
                mine.AddRange(batch.Select(s => s.ConversationKey));
            }

            return mine;
        })));

        var all = claims.SelectMany(c => c).ToList();
        Assert.Equal(60, all.Count);
        Assert.Equal(60, all.Distinct().Count());
    }

    [Fact]
    public async Task Record_ReleasesTheClaim_SoARetryDueNowIsClaimedAgain()
    {
        var store = Store.Digests();
        await store.SaveAsync(Subscription("a") with { NextDelivery = Now }, CancellationToken.None);
        var claimed = Assert.Single(await store.ClaimDueAsync(Now, "replica-a", Now + Lease, 10, CancellationToken.None));

        Assert.True(await store.RecordAsync(claimed with { Attempts = 1 }, claimed.WindowStart, CancellationToken.None));

        var again = await Store.Digests().ClaimDueAsync(Now, "replica-b", Now + Lease, 10, CancellationToken.None);
        Assert.Equal(1, Assert.Single(again).Attempts);
    }

    [Fact]
    public async Task Record_MovesTheWindowOnlyOnce()
    {
        var store = Store.Digests();
        var subscription = Subscription("a");
        await store.SaveAsync(subscription, CancellationToken.None);
        var delivered = subscription with { WindowStart = Now, LastDelivery = Now, NextDelivery = Now.AddDays(1) };

        Assert.True(await store.RecordAsync(delivered, subscription.WindowStart, CancellationToken.None));
        Assert.False(await Store.Digests().RecordAsync(delivered with { LastDelivery = Now.AddMinutes(5) }, subscription.WindowStart, CancellationToken.None));
        Assert.Equal(Now, (await store.FindAsync("msteams:a", CancellationToken.None))!.LastDelivery);
    }

    [Fact]
    public async Task NextDue_IsTheEarliestNextDelivery_OrLaterWhileAClaimHoldsIt()
    {
        var store = Store.Digests();
        Assert.Null(await store.NextDueAsync(CancellationToken.None));
        await store.SaveAsync(Subscription("a") with { NextDelivery = Now.AddHours(-2) }, CancellationToken.None);
        await store.SaveAsync(Subscription("b") with { NextDelivery = Now.AddHours(1) }, CancellationToken.None);
        await store.SaveAsync(Subscription("paused") with { NextDelivery = Now.AddHours(-3), State = DigestState.Paused }, CancellationToken.None);
        Assert.Equal(Now.AddHours(-2), await store.NextDueAsync(CancellationToken.None));

        await store.ClaimDueAsync(Now, "replica-a", Now.AddMinutes(5), 10, CancellationToken.None);

        Assert.Equal(Now.AddMinutes(5), await store.NextDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Save_DropsAClaim()
    {
        var store = Store.Digests();
        await store.SaveAsync(Subscription("a") with { NextDelivery = Now }, CancellationToken.None);
        var claimed = Assert.Single(await store.ClaimDueAsync(Now, "replica-a", Now + Lease, 10, CancellationToken.None));

        await store.SaveAsync(claimed, CancellationToken.None);

        Assert.Single(await Store.Digests().ClaimDueAsync(Now, "replica-b", Now + Lease, 10, CancellationToken.None));
    }

    [Fact]
    public async Task Remove_DeletesTheSubscription()
    {
        var store = Store.Digests();
        await store.SaveAsync(Subscription("a"), CancellationToken.None);

        Assert.True(await store.RemoveAsync("msteams:a", CancellationToken.None));
        Assert.False(await store.RemoveAsync("msteams:a", CancellationToken.None));
        Assert.Null(await store.FindAsync("msteams:a", CancellationToken.None));
    }

    private static DigestSubscription Subscription(string id) =>
        DigestSubscription.New($"msteams:{id}", "msteams", "{}", new TimeOnly(9, 0), "Europe/Berlin", TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"), Now);
}
