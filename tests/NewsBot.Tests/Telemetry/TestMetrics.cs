using System.Diagnostics.Metrics;
using NewsBot.Telemetry;

namespace NewsBot.Tests.Telemetry;

/// <summary><see cref="NewsBotMetrics"/> for code built by hand in tests, on a meter factory of its own.</summary>
internal static class TestMetrics
{
    private static readonly IMeterFactory Meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    public static NewsBotMetrics Create() => new(Meters);
}
