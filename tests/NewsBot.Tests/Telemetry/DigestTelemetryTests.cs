using System.Diagnostics;
using System.Net;
using NewsBot.Digests;
using NewsBot.Telemetry;
using NewsBot.Tests.Digests;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NewsBot.Tests.Telemetry;

/// <summary>
/// Digest deliveries as OpenTelemetry sees them, in the in-memory exporter: a pass is a <c>digest.pass</c> span with a
/// <c>digest.deliver</c> per conversation, and deliveries, failures and 429s are counted. Listeners are process-wide,
/// so spans are found by this test's conversations and counts are at least what this test caused.
/// </summary>
public sealed class DigestTelemetryTests
{
    private static readonly DateTimeOffset Monday = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Delivery_IsTracedPerConversation_AndCountedByOutcome_With429s()
    {
        var spans = new LockedList<Activity>();
        var metrics = new LockedList<MetricSnapshot>();
        using var tracing = Sdk.CreateTracerProviderBuilder().AddSource(NewsBotTelemetry.Name).AddInMemoryExporter(spans).Build();
        using var metering = Sdk.CreateMeterProviderBuilder().AddMeter(NewsBotTelemetry.Name).AddInMemoryExporter(metrics).Build();
        using var bed = new DigestTestBed(Monday, new DigestOptions { MessagesPerSecond = 0 });
        var id = $"telemetry-{Guid.NewGuid():N}";
        await bed.SubscribeAsync($"{id}-sent");
        await bed.SubscribeAsync($"{id}-throttled");
        bed.Sender.FailNext($"{id}-throttled", RecordingSender.Status(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(5)));

        await bed.RunAtAsync(Monday.AddHours(8));
        metering.ForceFlush();

        var sent = Assert.Single(spans, span => span.OperationName == NewsBotTelemetry.DigestDeliver && (string?)span.GetTagItem("newsbot.conversation") == $"msteams:{id}-sent");
        var throttled = Assert.Single(spans, span => span.OperationName == NewsBotTelemetry.DigestDeliver && (string?)span.GetTagItem("newsbot.conversation") == $"msteams:{id}-throttled");
        Assert.Equal("sent", sent.GetTagItem("newsbot.outcome"));
        Assert.Equal("retrying", throttled.GetTagItem("newsbot.outcome"));
        var pass = Assert.Single(spans, span => span.SpanId == sent.ParentSpanId);
        Assert.Equal(NewsBotTelemetry.DigestPass, pass.OperationName);
        Assert.Equal(pass.SpanId, throttled.ParentSpanId);

        Assert.True(Sum(metrics, "newsbot.digest.deliveries", "newsbot.outcome", "sent") >= 1);
        Assert.True(Sum(metrics, "newsbot.digest.deliveries", "newsbot.outcome", "retrying") >= 1);
        Assert.True(Sum(metrics, "newsbot.digest.failures", "http.response.status_code", "429") >= 1);
        Assert.True(Sum(metrics, "newsbot.digest.throttled", null, null) >= 1);
    }

    private static long Sum(LockedList<MetricSnapshot> metrics, string name, string? tag, string? value)
    {
        var total = 0L;
        foreach (var metric in metrics.Where(m => m.Name == name).TakeLast(1))
        {
            foreach (var point in metric.MetricPoints)
            {
                var matches = tag is null;
                foreach (var pair in point.Tags)
                {
                    matches |= pair.Key == tag && pair.Value?.ToString() == value;
                }

                total += matches ? point.GetSumLong() : 0;
            }
        }

        return total;
    }
}
