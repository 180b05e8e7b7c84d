using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsBot.Hosting;
using NewsBot.Storage;
using NewsBot.Telemetry;

namespace NewsBot.Slack;

/// <summary>Registers Slack (Events API, slash command, interactivity) and maps its endpoints under <c>/api/slack</c>.</summary>
public static partial class SlackHostingExtensions
{
    public static WebApplicationBuilder AddSlack(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddHttpClient(SlackApiClient.HttpClientName);
        services.AddSingleton<SlackRequestReader>();
        services.AddStore<ISlackReplyStore, SqliteSlackReplyStore, PostgresSlackReplyStore>();
        services.TryAddSingleton<ReplicaIdentity>();
        services.TryAddSingleton<NewsBotMetrics>();
        services.AddSingleton<SlackReplyQueue>();
        services.AddSingleton<SlackReplyRunner>();
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

    private static partial class Log
    {
        [LoggerMessage(EventId = 84, Level = LogLevel.Information, Message = "Slack is on: events at /api/slack, slash commands at /api/slack/commands, interactivity at /api/slack/interactivity")]
        public static partial void Enabled(ILogger logger);

        [LoggerMessage(EventId = 85, Level = LogLevel.Information, Message = "Slack is off: set Slack:SigningSecret and Slack:BotToken to answer in Slack directly")]
        public static partial void Disabled(ILogger logger);
    }
}
