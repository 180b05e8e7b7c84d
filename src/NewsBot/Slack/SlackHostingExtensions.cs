using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsBot.Hosting;
using NewsBot.Storage;
using NewsBot.Telemetry;

namespace NewsBot.Slack;

/// <summary>Registers Slack (Events API, slash command, interactivity) and maps its endpoints under <c>/api/slack</c>.</summary>
public static class SlackHostingExtensions
{
    public static WebApplicationBuilder AddSlack(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<SlackOptions>()
            .BindConfiguration(SlackOptions.SectionName)
            .Validate(o => o.ApiBaseUrl.IsAbsoluteUri && o.ApiBaseUrl.AbsolutePath.EndsWith('/'), "Slack:ApiBaseUrl must be an absolute URL ending with '/'.")
            .Validate(o => o.MaxClockSkew > TimeSpan.Zero && o.EventMemory > TimeSpan.Zero, "Slack:MaxClockSkew and Slack:EventMemory must be positive.")
            .Validate(o => o.MaxRequestBytes is >= 1024 and <= 16 * 1024 * 1024, "Slack:MaxRequestBytes must be from 1024 to 16777216.")
            .Validate(o => o.QueueCapacity is >= 1 and <= 100_000 && o.MaxConcurrentReplies is >= 1 and <= 64, "Slack:QueueCapacity must be from 1 to 100000 and Slack:MaxConcurrentReplies from 1 to 64.")
            .Validate(o => o.PostAttempts is >= 1 and <= 10 && o.RetryDelay >= TimeSpan.Zero && o.MaxRetryDelay >= o.RetryDelay, "Slack:PostAttempts must be from 1 to 10, and Slack:MaxRetryDelay at least Slack:RetryDelay.")
            .ValidateOnStart();
        services.AddHttpClient(SlackApiClient.HttpClientName);
        services.AddSingleton<SlackRequestReader>();
        services.AddStore<ISlackEventStore, SqliteSlackEventStore, PostgresSlackEventStore>();
        services.TryAddSingleton<ReplicaIdentity>();
        services.TryAddSingleton<NewsBotMetrics>();
        services.AddSingleton<SlackEventMemory>();
        services.AddSingleton<SlackReplyQueue>();
        services.AddSingleton<SlackTurn>();
        services.AddSingleton<SlackApiClient>();
        services.AddSingleton<SlackPoster>();
        services.AddSingleton<SlackDigestSender>();
        services.AddHostedService<SlackReplyService>();
        return builder;
    }

    public static WebApplication MapSlack(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/api/slack", SlackEndpoints.EventsAsync);
        app.MapPost("/api/slack/commands", SlackEndpoints.CommandAsync);
        app.MapPost("/api/slack/interactivity", SlackEndpoints.InteractivityAsync);

        var logger = app.Services.GetRequiredService<ILogger<SlackRequestReader>>();
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SlackOptions>>().Value.IsEnabled)
        {
            Log.Enabled(logger);
        }
        else
        {
            Log.Disabled(logger);
        }

        return app;
    }
}
