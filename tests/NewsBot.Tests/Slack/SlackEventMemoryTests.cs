using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Hosting;
using NewsBot.Slack;
using NewsBot.Tests.Storage;
using NewsBot.Tests.Telemetry;

namespace NewsBot.Tests.Slack;

/// <summary>The event memory over a real database (SQLite, or PostgreSQL in the suite's PostgreSQL run).</summary>
public sealed class SlackEventMemoryTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));
    private readonly TestStore _store = TestStore.Create(TestStore.HostProvider);

    [Fact]
    public async Task TryAccept_False_ForARepeatWithinTheWindow()
    {
        var memory = Memory();

        Assert.True(await memory.TryAcceptAsync("Ev1", CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(59));
        Assert.False(await memory.TryAcceptAsync("Ev1", CancellationToken.None));
        Assert.True(await memory.TryAcceptAsync("Ev2", CancellationToken.None));
    }

    [Fact]
    public async Task TryAccept_True_AgainOnceTheWindowHasPassed()
    {
        var memory = Memory();

        Assert.True(await memory.TryAcceptAsync("Ev1", CancellationToken.None));
        _time.Advance(TimeSpan.FromMinutes(61));
        Assert.True(await memory.TryAcceptAsync("Ev1", CancellationToken.None));
    }

    [Fact]
    public async Task TryAccept_False_ForAnEventAnotherReplicaAccepted()
    {
        Assert.True(await Memory().TryAcceptAsync("Ev1", CancellationToken.None));

        Assert.False(await Memory().TryAcceptAsync("Ev1", CancellationToken.None));
    }

    [Fact]
    public async Task Forget_LetsSlacksRetryBeAccepted()
    {
        var memory = Memory();
        await memory.TryAcceptAsync("Ev1", CancellationToken.None);

        await memory.ForgetAsync("Ev1", CancellationToken.None);

        Assert.True(await Memory().TryAcceptAsync("Ev1", CancellationToken.None));
    }

    public void Dispose() => _store.Dispose();

    private SlackEventMemory Memory() =>
        new(_store.SlackEvents(), new ReplicaIdentity(), TestMetrics.Create(), Options.Create(new SlackOptions { EventMemory = TimeSpan.FromHours(1) }), _time);
}
