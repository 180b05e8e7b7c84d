using NewsBot.Configuration;
using NewsBot.Slack;
using NewsBot.Tests.Storage;

namespace NewsBot.Tests.Slack;

/// <summary>
/// What the shared record of accepted Slack keys and pending replies must do on every provider:
/// <see cref="SqliteSlackReplyStoreTests"/>, <see cref="PostgresSlackReplyStoreTests"/>. Each store object stands for a
/// replica (its own connections); the owners are replica ids.
/// </summary>
public abstract class SlackReplyStoreContract(StorageProvider provider) : StoreContract(provider)
{
    private const string A = "host/1/aaaaaa";
    private const string B = "host/2/bbbbbb";
    private const int Capacity = 10;
    private const int Attempts = 3;
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Memory = TimeSpan.FromHours(1);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    private static readonly SlackReplyWork Work = new("C123", "1700000000.000100", "Is Phi-2 licensed for commercial use?", "channel", User: "UASKER", BotUser: "UBOT");

    [Fact]
    public async Task Accept_Start_Remove_StoresTheWorkUntilItsAnswerIsPosted()
    {
        var store = Store.SlackReplies();

        Assert.Equal(SlackAcceptance.Accepted, await AcceptAsync(store, "Ev1", A, Now));
        var start = await store.StartAsync("Ev1", A, Now, Now + Lease, Attempts, CancellationToken.None);
        Assert.True(await store.RemoveAsync("Ev1", A, CancellationToken.None));

        Assert.Equal(new SlackReplyStart(Work, 1, GivenUp: false), start);
        Assert.Null(await store.StartAsync("Ev1", A, Now, Now + Lease, Attempts, CancellationToken.None));
        Assert.False(await store.RemoveAsync("Ev1", A, CancellationToken.None));
        Assert.Empty(await store.ReserveExpiredAsync(B, Now + Memory, Now + Memory + Lease, Capacity, CancellationToken.None));
    }

    [Fact]
    public async Task Accept_RoundTripsEveryFieldOfTheWork()
    {
        var store = Store.SlackReplies();
        var work = new SlackReplyWork("C777", null, "latest 1 «quotes» \"and\" <b>", "slash", "<@U1> asked: “latest 1”", "U1", null);

        await store.TryAcceptAsync("action:C777:1.0:share", work, A, Now, Now + Memory, Now + Lease, Capacity, CancellationToken.None);

        Assert.Equal(work, (await store.StartAsync("action:C777:1.0:share", A, Now, Now + Lease, Attempts, CancellationToken.None))!.Work);
    }

    [Fact]
    public async Task Accept_AcceptsAKeyOnce_WhicheverReplicaAsks()
    {
        Assert.Equal(SlackAcceptance.Accepted, await AcceptAsync(Store.SlackReplies(), "Ev1", A, Now));

        Assert.Equal(SlackAcceptance.Repeat, await AcceptAsync(Store.SlackReplies(), "Ev1", B, Now.AddMinutes(1)));
        Assert.Equal(SlackAcceptance.Repeat, await AcceptAsync(Store.SlackReplies(), "Ev1", A, Now.AddMinutes(59)));
        Assert.Equal(SlackAcceptance.Accepted, await AcceptAsync(Store.SlackReplies(), "Ev2", B, Now));
    }

    [Fact]
    public async Task Accept_AcceptsAgain_OnceTheMemoryExpired_AndTheReplyWasPosted()
    {
        var store = Store.SlackReplies();
        await AcceptAsync(store, "Ev1", A, Now);
        await AcceptAsync(store, "Ev2", A, Now);
        await store.StartAsync("Ev1", A, Now, Now + Lease, Attempts, CancellationToken.None);
        await store.RemoveAsync("Ev1", A, CancellationToken.None);

        Assert.Equal(SlackAcceptance.Accepted, await AcceptAsync(store, "Ev1", B, Now + Memory));
        Assert.Equal(SlackAcceptance.Repeat, await AcceptAsync(store, "Ev2", B, Now + Memory));
    }

    [Fact]
    public async Task Accept_AcceptsOneOfManyReplicasAskingAtOnce()
    {
        var replicas = Enumerable.Range(0, 6).Select(_ => Store.SlackReplies()).ToList();

        var accepted = await Task.WhenAll(replicas.Select((store, i) => Task.Run(() => AcceptAsync(store, "Ev1", $"host/{i}/000000", Now))));

        Assert.Single(accepted, a => a == SlackAcceptance.Accepted);
        Assert.Equal(5, accepted.Count(a => a == SlackAcceptance.Repeat));
    }

    [Fact]
    public async Task Accept_RefusesWhenTheOwnerHoldsItsCapacity_AndRemembersNothing()
    {
        var store = Store.SlackReplies();
        Assert.Equal(SlackAcceptance.Accepted, await AcceptAsync(store, "Ev1", A, Now, capacity: 2));
        Assert.Equal(SlackAcceptance.Accepted, await AcceptAsync(store, "Ev2", A, Now, capacity: 2));

        Assert.Equal(SlackAcceptance.Full, await AcceptAsync(store, "Ev3", A, Now, capacity: 2));
        Assert.Equal(SlackAcceptance.Accepted, await AcceptAsync(store, "Ev4", B, Now, capacity: 2));

        await store.StartAsync("Ev1", A, Now, Now + Lease, Attempts, CancellationToken.None);
        await store.RemoveAsync("Ev1", A, CancellationToken.None);
        Assert.Equal(SlackAcceptance.Accepted, await AcceptAsync(store, "Ev3", A, Now, capacity: 2));
        Assert.Equal(SlackAcceptance.Full, await AcceptAsync(store, "Ev5", A, Now, capacity: 2));

        // Let go of, a reply is no longer this replica's to count.
        await store.ReleaseAsync(["Ev2"], A, Now, CancellationToken.None);
        Assert.Equal(SlackAcceptance.Accepted, await AcceptAsync(store, "Ev5", A, Now, capacity: 2));
    }

    [Fact]
    public async Task Accept_HoldsItsCapacity_WhenManyArriveAtOnce()
    {
        var store = Store.SlackReplies();

        var results = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => AcceptAsync(store, $"Ev{i}", A, Now, capacity: 5))));

        Assert.Equal(5, results.Count(r => r == SlackAcceptance.Accepted));
        Assert.Equal(7, results.Count(r => r == SlackAcceptance.Full));
    }

    [Fact]
    public async Task ALiveLease_IsNotTakenByAnotherReplica()
    {
        var a = Store.SlackReplies();
        var b = Store.SlackReplies();
        await AcceptAsync(a, "Ev1", A, Now);
        await AcceptAsync(a, "Ev2", A, Now);
        await a.StartAsync("Ev2", A, Now.AddMinutes(1), Now.AddMinutes(1) + Lease, Attempts, CancellationToken.None);

        var later = Now + Lease - TimeSpan.FromSeconds(1);
        Assert.Empty(await b.ReserveExpiredAsync(B, later, later + Lease, Capacity, CancellationToken.None));
        Assert.Null(await b.StartAsync("Ev1", B, later, later + Lease, Attempts, CancellationToken.None));

        // Starting renewed Ev2's lease: only Ev1's has expired.
        Assert.Equal(["Ev1"], await b.ReserveExpiredAsync(B, Now + Lease, Now + Lease + Lease, Capacity, CancellationToken.None));
    }

    [Fact]
    public async Task AnExpiredLease_IsTakenByAnotherReplica_AndItsHolderLosesIt()
    {
        var a = Store.SlackReplies();
        var b = Store.SlackReplies();
        await AcceptAsync(a, "Ev1", A, Now);
        await a.StartAsync("Ev1", A, Now, Now + Lease, Attempts, CancellationToken.None);

        // A died while answering: B takes the question once A's lease has expired, as its second attempt.
        var expired = Now + Lease;
        Assert.Equal(["Ev1"], await b.ReserveExpiredAsync(B, expired, expired + Lease, Capacity, CancellationToken.None));
        Assert.Null(await a.StartAsync("Ev1", A, expired, expired + Lease, Attempts, CancellationToken.None));
        Assert.Equal(2, (await b.StartAsync("Ev1", B, expired, expired + Lease, Attempts, CancellationToken.None))!.Attempt);

        Assert.False(await a.RemoveAsync("Ev1", A, CancellationToken.None));
        Assert.True(await b.RemoveAsync("Ev1", B, CancellationToken.None));
    }

    [Fact]
    public async Task TwoReplicasRacing_ForAnExpiredReply_GetItOnce()
    {
        await AcceptAsync(Store.SlackReplies(), "Ev1", A, Now);
        var replicas = Enumerable.Range(0, 6).Select(_ => Store.SlackReplies()).ToList();
        var expired = Now + Lease;

        var reserved = await Task.WhenAll(replicas.Select((store, i) => Task.Run(() => store.ReserveExpiredAsync($"host/{i}/000000", expired, expired + Lease, Capacity, CancellationToken.None))));
        var started = await Task.WhenAll(replicas.Select((store, i) => Task.Run(() => store.StartAsync("Ev1", $"host/{i}/000000", expired, expired + Lease, Attempts, CancellationToken.None))));

        Assert.Single(reserved, keys => keys.Count == 1);
        Assert.Single(started, start => start is not null);
        Assert.Equal(Array.IndexOf(reserved, reserved.Single(keys => keys.Count == 1)), Array.FindIndex(started, start => start is not null));
    }

    [Fact]
    public async Task ReplicasSweepingAtOnce_ShareTheExpiredReplies_WithoutOverlap()
    {
        var a = Store.SlackReplies();
        for (var i = 0; i < 20; i++)
        {
            await AcceptAsync(a, $"Ev{i:D2}", A, Now, capacity: 100);
        }

        var replicas = Enumerable.Range(0, 4).Select(_ => Store.SlackReplies()).ToList();
        var expired = Now + Lease;
        var reserved = await Task.WhenAll(replicas.Select((store, i) => Task.Run(() => store.ReserveExpiredAsync($"host/{i}/000000", expired, expired + Lease, 4, CancellationToken.None))));
        var rest = await a.ReserveExpiredAsync(B, expired, expired + Lease, 100, CancellationToken.None);

        var all = reserved.SelectMany(keys => keys).Concat(rest).ToList();
        Assert.All(reserved, keys => Assert.True(keys.Count <= 4));
        Assert.Equal(20, all.Count);
        Assert.Equal(20, all.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task ReserveExpired_TakesTheLongestWaitingFirst_UpToTheLimit()
    {
        var store = Store.SlackReplies();
        await AcceptAsync(store, "late", A, Now.AddSeconds(2));
        await AcceptAsync(store, "first", A, Now);
        await AcceptAsync(store, "second", A, Now.AddSeconds(1));

        var expired = Now.AddSeconds(2) + Lease;
        Assert.Equal(["first", "second"], await store.ReserveExpiredAsync(B, expired, expired + Lease, 2, CancellationToken.None));
        Assert.Empty(await store.ReserveExpiredAsync(B, expired, expired + Lease, 0, CancellationToken.None));
    }

    [Fact]
    public async Task Start_CountsAttempts_AndGivesUpAfterTheLimit()
    {
        var store = Store.SlackReplies();
        await AcceptAsync(store, "Ev1", A, Now);

        var attempts = new List<SlackReplyStart?>();
        for (var i = 0; i < 3; i++)
        {
            attempts.Add(await store.StartAsync("Ev1", A, Now, Now + Lease, maxAttempts: 2, CancellationToken.None));
            await store.ReleaseAsync(["Ev1"], A, Now, CancellationToken.None);
        }

        Assert.Equal([1, 2, 3], attempts.Select(start => start!.Attempt));
        Assert.Equal([false, false, true], attempts.Select(start => start!.GivenUp));
        Assert.Null(await store.StartAsync("Ev1", B, Now, Now + Lease, 2, CancellationToken.None));
        Assert.Empty(await store.ReserveExpiredAsync(B, Now + Lease, Now + Lease + Lease, Capacity, CancellationToken.None));

        // Given up is not forgotten: Slack's retry of it is still a repeat.
        Assert.Equal(SlackAcceptance.Repeat, await AcceptAsync(store, "Ev1", B, Now.AddMinutes(1)));
    }

    [Fact]
    public async Task Release_LetsAnyReplicaTakeTheReplyAtOnce_ButOnlyItsHolderReleases()
    {
        var store = Store.SlackReplies();
        await AcceptAsync(store, "Ev1", A, Now);
        await AcceptAsync(store, "Ev2", A, Now);

        await store.ReleaseAsync(["Ev1", "Ev2"], B, Now, CancellationToken.None);
        Assert.Empty(await store.ReserveExpiredAsync(B, Now, Now + Lease, Capacity, CancellationToken.None));

        await store.ReleaseAsync(["Ev1", "Ev2"], A, Now, CancellationToken.None);
        Assert.Equal(["Ev1", "Ev2"], await store.ReserveExpiredAsync(B, Now, Now + Lease, Capacity, CancellationToken.None));

        // Let go of before it was started: no attempt was used.
        Assert.Equal(1, (await store.StartAsync("Ev1", B, Now, Now + Lease, Attempts, CancellationToken.None))!.Attempt);
    }

    [Fact]
    public async Task Purge_ForgetsExpiredKeys_Only()
    {
        var store = Store.SlackReplies();
        await store.TryAcceptAsync("old", Work, A, Now, Now.AddMinutes(1), Now + Lease, Capacity, CancellationToken.None);
        await AcceptAsync(store, "live", A, Now);
        foreach (var key in new[] { "old", "live" })
        {
            await store.StartAsync(key, A, Now, Now + Lease, Attempts, CancellationToken.None);
            await store.RemoveAsync(key, A, CancellationToken.None);
        }

        await store.PurgeAsync(Now.AddMinutes(2), CancellationToken.None);

        Assert.Equal(SlackAcceptance.Accepted, await AcceptAsync(store, "old", B, Now));
        Assert.Equal(SlackAcceptance.Repeat, await AcceptAsync(store, "live", B, Now));
    }

    private static Task<SlackAcceptance> AcceptAsync(ISlackReplyStore store, string key, string owner, DateTimeOffset now, int capacity = Capacity) =>
        store.TryAcceptAsync(key, Work, owner, now, now + Memory, now + Lease, capacity, CancellationToken.None);
}
