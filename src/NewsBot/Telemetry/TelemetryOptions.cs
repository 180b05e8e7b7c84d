namespace NewsBot.Telemetry;

/// <summary>
/// Section "Telemetry": where traces and metrics go. Nothing is exported by default. OTLP (traces and metrics) is on
/// when the standard <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (with <c>OTEL_EXPORTER_OTLP_PROTOCOL</c>,
/// <c>OTEL_EXPORTER_OTLP_HEADERS</c>, <c>OTEL_SERVICE_NAME</c> and the other <c>OTEL_*</c> variables as the
/// OpenTelemetry SDK reads them).
/// </summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>The standard variable that turns the OTLP exporter on.</summary>
    public const string OtlpEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Serves the metrics in Prometheus' text format at <see cref="PrometheusPath"/>. Default false.</summary>
    public bool Prometheus { get; set; }

    /// <summary>Where the Prometheus scrape endpoint is. Default <c>/metrics</c>.</summary>
    public string PrometheusPath { get; set; } = "/metrics";
}
