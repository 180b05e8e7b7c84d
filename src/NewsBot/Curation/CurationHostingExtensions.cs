using Microsoft.Extensions.Options;
using NewsBot.Bot;
using NewsBot.Bot.Commands;
using NewsBot.Curation.Commands;
using NewsBot.Hosting;
using NewsBot.Knowledge.Curation;

namespace NewsBot.Curation;

/// <summary>Registers curation in chat (<c>add</c>, <c>drafts</c>, <c>publish</c>, <c>discard</c>) and the feed poller.</summary>
public static partial class CurationHostingExtensions
{
    /// <summary>Needs the settings (<see cref="Configuration.NewsBotSettings"/>: the knowledge folder is <see cref="DataPaths.Knowledge"/>), the bot, its storage and digests (their sender) registered.</summary>
    public static WebApplicationBuilder AddCuration(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton(sp => new CurationDesk(
            sp.GetRequiredService<DataPaths>().Knowledge,
            sp.GetRequiredService<IOptions<CurationOptions>>().Value.Limits,
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<Curators>();
        services.AddSingleton<CuratorConversations>();
        services.AddSingleton<CurationServices>();
        services.AddSingleton<IBotCommand, AddDraftCommand>();
        services.AddSingleton<IBotCommand, DraftsCommand>();
        services.AddSingleton<IBotCommand, PublishDraftCommand>();
        services.AddSingleton<IBotCommand, DiscardDraftCommand>();
        services.AddHostedService<FeedPollingService>();
        return builder;
    }

    /// <summary>Warns when curators are listed on a bot whose /api/messages is not authenticated.</summary>
    public static WebApplication MapCuration(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<Curators>().Any && app.Services.GetRequiredService<BotMode>().IsLocal)
        {
            Log.CuratorsInLocalMode(app.Services.GetRequiredService<ILogger<Curators>>());
        }

        return app;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 149, Level = LogLevel.Warning, Message = "Curators are listed while /api/messages is not authenticated (local mode): anyone who can reach the bot can claim a curator's id")]
        public static partial void CuratorsInLocalMode(ILogger logger);
    }
}
