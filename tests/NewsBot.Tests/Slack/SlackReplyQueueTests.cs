using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Hosting;
using NewsBot.Slack;
using NewsBot.Tests.Storage;
using NewsBot.Tests.Telemetry;

namespace NewsBot.Tests.Slack;

/// <summary>The reply queue's front over a real database (SQLite, or PostgreSQL in the suite's PostgreSQL run): each queue is a replica.</summary>
public sealed class SlackReplyQueueTests : IDisposable
{
    private static readonly SlackReplyWork Work = new("C123", "1.0", "latest 1", "channel");

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly TestStore _store = TestStore.Create(TestStore.HostProvider);

    [Fact]
    public async Task Accept_Repeat_WithinTheEventMemory()
    {
        var queue = Queue();

        Assert.Equal(SlackAcceptance.Accepted, await queue.AcceptAsync("Ev1", Work, CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(SlackAcceptance.Repeat, await queue.AcceptAsync("Ev1", Work, CancellationToken.None));
        Assert.Equal(SlackAcceptance.Accepted, await queue.AcceptAsync("Ev2", Work, CancellationToken.None));
    }

    [Fact]
    public async Task Accept_Repeat_ForAnEventAnotherReplicaAccepted()
    {
        Assert.Equal(SlackAcceptance.Accepted, await Queue().AcceptAsync("Ev1", Work, CancellationToken.None));

        Assert.Equal(SlackAcceptance.Repeat, await Queue().AcceptAsync("Ev1", Work, CancellationToken.None));
    }

    [Fact]
    public async Task Accept_HandsTheKeyToThisReplicasWorkers_Once()
    {
        var queue = Queue();

        await queue.AcceptAsync("Ev1", Work, CancellationToken.None);
        await queue.AcceptAsync("Ev1", Work, CancellationToken.None);
        Assert.False(queue.Hold("Ev1"));

        Assert.True(queue.Ready.TryRead(out var key));
        Assert.Equal("Ev1", key);
        Assert.False(queue.Ready.TryRead(out _));
        Assert.Equal(1, queue.Backlog);
        queue.Done("Ev1");
        Assert.Equal(0, queue.Backlog);
    }

    [Fact]
    public async Task Accept_Full_RemembersNothing_SoSlacksRetryIsAccepted()
    {
        var queue = Queue(capacity: 1);
        await queue.AcceptAsync("Ev1", Work, CancellationToken.None);

        Assert.Equal(SlackAcceptance.Full, await queue.AcceptAsync("Ev2", Work, CancellationToken.None));
        Assert.Equal(SlackAcceptance.Accepted, await Queue().AcceptAsync("Ev2", Work, CancellationToken.None));
    }

    [Fact]
    public async Task TakeUnstarted_EmptiesTheReadyKeys()
    {
        var queue = Queue();
        await queue.AcceptAsync("Ev1", Work, CancellationToken.None);
        await queue.AcceptAsync("Ev2", Work, CancellationToken.None);

        Assert.Equal(["Ev1", "Ev2"], queue.TakeUnstarted());
        Assert.Equal(0, queue.Backlog);
        Assert.False(queue.Ready.TryRead(out _));
    }

    public void Dispose() => _store.Dispose();

    private SlackReplyQueue Queue(int capacity = 100) =>
        new(_store.SlackReplies(), new ReplicaIdentity(), TestMetrics.Create(), Options.Create(new SlackOptions { EventMemory = TimeSpan.FromHours(1), QueueCapacity = capacity }), _time);
}
