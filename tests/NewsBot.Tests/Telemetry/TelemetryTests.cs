using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using NewsBot.Collection;
using NewsBot.Knowledge;
using NewsBot.Telemetry;
using NewsBot.Tests.Http;
using Newtonsoft.Json.Linq;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace NewsBot.Tests.Telemetry;

/// <summary>
/// The bot's traces and metrics, caught by OpenTelemetry's in-memory exporter in the real host, and served to
/// Prometheus and over OTLP when configured. Other tests run hosts at the same time and the listeners are
/// process-wide, so each test finds its own turn by its channel id.
/// </summary>
public sealed class TelemetryTests : IAsyncLifetime
{
    private readonly TestKnowledge _knowledge = new();
    private readonly LockedList<Activity> _spans = new();
    private readonly LockedList<MetricSnapshot> _metrics = new();
    private readonly string _channel = $"telemetry-{Guid.NewGuid():N}"[..20];
    private CaptureConnector _connector = null!;

    public async ValueTask InitializeAsync() => _connector = await CaptureConnector.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _connector.DisposeAsync();
        _knowledge.Dispose();
    }

    [Fact]
    public async Task Question_IsTracedAsATurn_ReceiveRouteSearchSemanticRenderSend()
    {
        await using var app = await StartAsync(("Knowledge:Semantic", "true"));
        await app.Services.GetRequiredService<IKnowledgeBase>().WhenVectorsReadyAsync(TestContext.Current.CancellationToken);

        await AskAsync(app, "Is Phi-2 licensed for commercial use?");

        var turn = await TurnAsync();
        var trace = _spans.Where(span => span.TraceId == turn.TraceId).ToList();
        Activity Step(string name) => Assert.Single(trace, span => span.OperationName == name);
        var route = Step(NewsBotTelemetry.Route);
        var search = Step(NewsBotTelemetry.Search);
        Assert.Equal("turn message", turn.DisplayName);
        Assert.Equal(turn.SpanId, Step(NewsBotTelemetry.Receive).ParentSpanId);
        Assert.Equal(turn.SpanId, route.ParentSpanId);
        Assert.Equal("question", route.GetTagItem("newsbot.command"));
        Assert.Equal(route.SpanId, search.ParentSpanId);
        Assert.Equal(true, search.GetTagItem("newsbot.answered"));
        Assert.Equal(search.SpanId, Step(KnowledgeTelemetry.Semantic).ParentSpanId);
        Assert.Equal(route.SpanId, Step(NewsBotTelemetry.Render).ParentSpanId);
        Assert.Equal(route.SpanId, Step(NewsBotTelemetry.Send).ParentSpanId);
    }

    [Fact]
    public async Task Answers_AreCountedByChannelAndOutcome_WithTheirLatencyAndConfidence()
    {
        await using var app = await StartAsync();

        await AskAsync(app, "Is Phi-2 licensed for commercial use?");
        await AskAsync(app, "What did the Vatican say about quantum gardening?");
        await AskAsync(app, "what's new?");
        await TurnAsync();
        app.Services.GetRequiredService<MeterProvider>().ForceFlush();

        // "what's new?" is neither answered from a passage nor declined: it gets the newest articles, and no confidence.
        var answers = Points("newsbot.answers").Where(OfThisTest).ToList();
        Assert.Equal(1, Assert.Single(answers, p => Tag(p, "newsbot.outcome") == "answered").GetSumLong());
        Assert.Equal(1, Assert.Single(answers, p => Tag(p, "newsbot.outcome") == "declined").GetSumLong());
        Assert.Equal(1, Assert.Single(answers, p => Tag(p, "newsbot.outcome") == "newest").GetSumLong());
        Assert.Equal(3, Points("newsbot.answer.duration").Where(OfThisTest).Sum(p => p.GetHistogramCount()));
        Assert.Equal(2, Assert.Single(Points("newsbot.answer.confidence"), OfThisTest).GetHistogramCount());
        // Gauges carry no channel, and other tests' hosts export theirs under the same name at the same time, so the
        // export proves the gauge is there and this host's own meter says what it reports.
        Assert.NotEmpty(AllPoints("newsbot.articles"));
        Assert.Equal(3, ObserveThisHost(app.Services, "newsbot.articles"));
        Assert.Contains(AllPoints("newsbot.sync.duration"), p => p.GetHistogramCount() >= 1);
    }

    [Fact]
    public async Task Sync_IsTracedWithWhatItChanged()
    {
        await using var app = await StartAsync();

        Assert.Contains(_spans, span => span.OperationName == NewsBotTelemetry.Sync && (int?)span.GetTagItem("newsbot.articles") == 3);
        app.Services.GetRequiredService<MeterProvider>().ForceFlush();
        Assert.Contains(_metrics, m => m.Name == "newsbot.embedding.backlog");
    }

    [Fact]
    public async Task Metrics_AreServedToPrometheus_WhenTelemetryPrometheusIsOn()
    {
        await using var app = await StartAsync(("Telemetry:Prometheus", "true"));
        await AskAsync(app, "Is Phi-2 licensed for commercial use?");
        await TurnAsync();

        using var client = app.CreateClient();
        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType!.ToString(), StringComparison.Ordinal);
        Assert.Contains("# TYPE newsbot_answers_total counter", text, StringComparison.Ordinal);
        Assert.Contains($"newsbot_channel=\"{_channel}\"", text, StringComparison.Ordinal);
        Assert.Contains("newsbot_answer_duration_seconds_bucket", text, StringComparison.Ordinal);
        Assert.Contains("newsbot_articles", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_AreNotServed_ByDefault()
    {
        await using var app = await StartAsync();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TracesAndMetrics_GoToTheOtlpEndpoint_WhenItIsSet()
    {
        await using var collector = await OtlpReceiver.StartAsync();
        await using var app = await StartAsync(("OTEL_EXPORTER_OTLP_ENDPOINT", collector.Endpoint), ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"));
        await AskAsync(app, "Is Phi-2 licensed for commercial use?");
        await TurnAsync();

        app.Services.GetRequiredService<TracerProvider>().ForceFlush();
        app.Services.GetRequiredService<MeterProvider>().ForceFlush();

        Assert.Contains("/v1/traces", collector.Paths);
        Assert.Contains("/v1/metrics", collector.Paths);
    }

    private async Task<WebApplicationFactory<Program>> StartAsync(params (string Key, string Value)[] settings)
    {
        var factory = new NewsBotFactory(_knowledge).WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services =>
            {
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans));
                services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(_metrics));
            });
        });
        _ = factory.Server;
        await factory.Services.GetRequiredService<CollectionState>().Ready.WaitAsync(TimeSpan.FromSeconds(30));
        return factory;
    }

    private async Task AskAsync(WebApplicationFactory<Program> app, string text)
    {
        var activity = new JObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = _channel,
            ["serviceUrl"] = _connector.ServiceUrl,
            ["from"] = new JObject { ["id"] = "user-1" },
            ["recipient"] = new JObject { ["id"] = "newsbot" },
            ["conversation"] = new JObject { ["id"] = "conversation-1" },
            ["text"] = text,
        };
        using var client = app.CreateClient();
        using var content = new StringContent(activity.ToString(), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await _connector.NextReplyAsync();
    }

    /// <summary>This test's last turn, once it has ended (after the reply, the request still finishes).</summary>
    private async Task<Activity> TurnAsync()
    {
        for (var wait = 0; wait < 100; wait++)
        {
            if (_spans.LastOrDefault(span => span.OperationName == NewsBotTelemetry.Turn && (string?)span.GetTagItem("newsbot.channel") == _channel) is { } turn)
            {
                return turn;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("the turn's span never ended");
    }

    private List<MetricPoint> Points(string name)
    {
        var points = new List<MetricPoint>();
        foreach (var metric in _metrics.Where(m => m.Name == name).TakeLast(1))
        {
            points.AddRange(metric.MetricPoints);
        }

        return points;
    }

    private List<MetricPoint> AllPoints(string name)
    {
        var points = new List<MetricPoint>();
        foreach (var metric in _metrics.Where(m => m.Name == name))
        {
            points.AddRange(metric.MetricPoints);
        }

        return points;
    }

    /// <summary>Collects one observable instrument of this host's meters only (a meter's scope is the factory that made it).</summary>
    private static long ObserveThisHost(IServiceProvider services, string instrumentName)
    {
        var factory = services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        long? value = null;
        using var listener = new System.Diagnostics.Metrics.MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == instrumentName && ReferenceEquals(instrument.Meter.Scope, factory))
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((_, measurement, _, _) => value = measurement);
        listener.SetMeasurementEventCallback<int>((_, measurement, _, _) => value = measurement);
        listener.Start();
        listener.RecordObservableInstruments();
        return value ?? throw new InvalidOperationException($"this host has no {instrumentName} instrument");
    }

    private bool OfThisTest(MetricPoint point) => Tag(point, "newsbot.channel") == _channel;

    private static string? Tag(MetricPoint point, string key)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key)
            {
                return tag.Value?.ToString();
            }
        }

        return null;
    }
}
