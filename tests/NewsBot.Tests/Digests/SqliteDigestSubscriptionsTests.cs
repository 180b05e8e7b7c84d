using NewsBot.Digests;
using NewsBot.Tests.Storage;

namespace NewsBot.Tests.Digests;

public sealed class SqliteDigestSubscriptionsTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);
    private readonly TestDatabase _files = new();

    [Fact]
    public async Task Save_RoundTripsEveryField_AcrossARestart()
    {
        var saved = Subscription("a") with { WeekdaysOnly = true, State = DigestState.Paused, PausedReason = "gone (404)", LastDelivery = Now.AddHours(-1), Attempts = 2 };
        await new SqliteDigestSubscriptions(_files.Open()).SaveAsync(saved, CancellationToken.None);

        var found = await new SqliteDigestSubscriptions(_files.Open()).FindAsync("msteams:a", CancellationToken.None);

        Assert.Equal(saved, found);
    }

    [Fact]
    public async Task Due_ListsActiveSubscriptionsDueNow_LongestWaitingFirst()
    {
        var store = new SqliteDigestSubscriptions(_files.Open());
        await store.SaveAsync(Subscription("later") with { NextDelivery = Now.AddMinutes(1) }, CancellationToken.None);
        await store.SaveAsync(Subscription("due") with { NextDelivery = Now }, CancellationToken.None);
        await store.SaveAsync(Subscription("overdue") with { NextDelivery = Now.AddHours(-2) }, CancellationToken.None);
        await store.SaveAsync(Subscription("paused") with { NextDelivery = Now.AddHours(-3), State = DigestState.Paused }, CancellationToken.None);

        var due = await store.DueAsync(Now, CancellationToken.None);

        Assert.Equal(["msteams:overdue", "msteams:due"], due.Select(s => s.ConversationKey));
        Assert.Equal(Now.AddHours(-2), await store.NextDueAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Record_MovesTheWindowOnlyOnce()
    {
        var store = new SqliteDigestSubscriptions(_files.Open());
        var subscription = Subscription("a");
        await store.SaveAsync(subscription, CancellationToken.None);
        var delivered = subscription with { WindowStart = Now, LastDelivery = Now, NextDelivery = Now.AddDays(1) };

        Assert.True(await store.RecordAsync(delivered, subscription.WindowStart, CancellationToken.None));
        Assert.False(await store.RecordAsync(delivered with { LastDelivery = Now.AddMinutes(5) }, subscription.WindowStart, CancellationToken.None));
        Assert.Equal(Now, (await store.FindAsync("msteams:a", CancellationToken.None))!.LastDelivery);
    }

    [Fact]
    public async Task Remove_DeletesTheSubscription()
    {
        var store = new SqliteDigestSubscriptions(_files.Open());
        await store.SaveAsync(Subscription("a"), CancellationToken.None);

        Assert.True(await store.RemoveAsync("msteams:a", CancellationToken.None));
        Assert.False(await store.RemoveAsync("msteams:a", CancellationToken.None));
        Assert.Null(await store.FindAsync("msteams:a", CancellationToken.None));
    }

    private static DigestSubscription Subscription(string id) =>
        DigestSubscription.New($"msteams:{id}", "msteams", "{}", new TimeOnly(9, 0), "Europe/Berlin", TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin"), Now);

    public void Dispose() => _files.Dispose();
}
