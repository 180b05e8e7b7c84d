using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Slack;

namespace NewsBot.Tests.Slack;

public sealed class SlackEventMemoryTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TryAccept_False_ForARepeatWithinTheWindow()
    {
        var memory = new SlackEventMemory(Options.Create(new SlackOptions { EventMemory = TimeSpan.FromHours(1) }), _time);

        Assert.True(memory.TryAccept("Ev1"));
        _time.Advance(TimeSpan.FromMinutes(59));
        Assert.False(memory.TryAccept("Ev1"));
        Assert.True(memory.TryAccept("Ev2"));
    }

    [Fact]
    public void TryAccept_True_AgainOnceTheWindowHasPassed()
    {
        var memory = new SlackEventMemory(Options.Create(new SlackOptions { EventMemory = TimeSpan.FromHours(1) }), _time);

        Assert.True(memory.TryAccept("Ev1"));
        _time.Advance(TimeSpan.FromMinutes(61));
        Assert.True(memory.TryAccept("Ev1"));
    }
}
