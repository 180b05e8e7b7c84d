using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NewsBot.Bot;
using NewsBot.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace NewsBot.Telemetry;

/// <summary>
/// Registers OpenTelemetry: NewsBot's traces and metrics (<see cref="NewsBotTelemetry"/>, <see cref="NewsBotMetrics"/>),
/// ASP.NET Core's and HttpClient's, and Npgsql's. Exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set and
/// served to Prometheus when <c>Telemetry:Prometheus</c> is true; otherwise recorded for no one (nothing leaves the process).
/// </summary>
public static class TelemetryHostingExtensions
{
    /// <summary>Npgsql's own ActivitySource and Meter: a span per database command, and its connection pool's metrics.</summary>
    private const string Npgsql = "Npgsql";

    public static WebApplicationBuilder AddTelemetry(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var replica = new ReplicaIdentity();
        services.AddSingleton(replica);
        services.TryAddSingleton<NewsBotMetrics>();

        // Exporters are chosen while services are registered, before any option can be resolved, so this composition
        // step reads the same configuration itself: Telemetry:Prometheus, and the OpenTelemetry SDK's own OTEL_*
        // variables. TelemetryOptions is bound and validated with the other settings (NewsBotSettings) for MapTelemetry.
        var configuration = builder.Configuration;
        var options = configuration.GetSection(TelemetryOptions.SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        var otel = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(configuration["OTEL_SERVICE_NAME"] ?? "newsbot", serviceInstanceId: replica.Id))
            .WithTracing(tracing => tracing
                .AddSource(NewsBotTelemetry.Name, NewsBotTelemetry.KnowledgeName, Npgsql)
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsPlumbing(context.Request.Path))
                .AddHttpClientInstrumentation())
            .WithMetrics(metrics =>
            {
                metrics.AddMeter(NewsBotTelemetry.Name, Npgsql).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (options.Prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
            });
        if (!string.IsNullOrWhiteSpace(configuration[TelemetryOptions.OtlpEndpointKey]))
        {
            otel.UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// Traces each request to <c>/api/messages</c> as a <c>turn</c> whose first step, <c>receive</c>, lasts until the
    /// adapter has read and authenticated it (<see cref="TurnTelemetryMiddleware"/> ends it), and serves
    /// <c>/metrics</c> when Prometheus is on.
    /// </summary>
    public static WebApplication MapTelemetry(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsPost(context.Request.Method) || context.Request.Path != "/api/messages")
            {
                await next(context).ConfigureAwait(false);
                return;
            }

            using var turn = NewsBotTelemetry.Source.StartActivity(NewsBotTelemetry.Turn);
            using var receive = NewsBotTelemetry.Source.StartActivity(NewsBotTelemetry.Receive);
            await next(context).ConfigureAwait(false);
            turn?.SetTag("http.response.status_code", context.Response.StatusCode);
        });

        // The adapters are built by AddBot; their middleware is added here, beside the rest of the telemetry.
        app.Services.GetRequiredService<NewsBotAdapter>().Use(new TurnTelemetryMiddleware());
        app.Services.GetRequiredService<Bot.Turns.InProcessAdapter>().Use(new TurnTelemetryMiddleware());

        var options = app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value;
        if (options.Prometheus)
        {
            app.MapPrometheusScrapingEndpoint(options.PrometheusPath);
        }

        return app;
    }

    /// <summary>Health checks and scrapes: frequent, and not worth a trace each.</summary>
    private static bool IsPlumbing(PathString path) => path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/metrics", StringComparison.OrdinalIgnoreCase);
}
