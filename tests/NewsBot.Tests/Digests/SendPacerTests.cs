using Microsoft.Extensions.Time.Testing;
using NewsBot.Digests;

namespace NewsBot.Tests.Digests;

public sealed class SendPacerTests
{
    [Fact]
    public async Task WaitAsync_SpacesSendsEvenly_OnTheInjectedClock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        var pacer = new SendPacer(time, perSecond: 10);

        var first = pacer.WaitAsync(CancellationToken.None);
        var second = pacer.WaitAsync(CancellationToken.None);
        var third = pacer.WaitAsync(CancellationToken.None);

        Assert.True(first.IsCompleted);
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(100));
        await second.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(100));
        await third.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
    }

    [Fact]
    public void WaitAsync_NeverWaits_WhenPacingIsOff()
    {
        var pacer = new SendPacer(new FakeTimeProvider(), perSecond: 0);

        Assert.All(Enumerable.Range(0, 100), _ => Assert.True(pacer.WaitAsync(CancellationToken.None).IsCompleted));
    }
}
