using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Bot.Connector.Authentication;
using NewsBot.Bot.Commands;
using NewsBot.Bot.Replies;
using NewsBot.Bot.Teams;
using NewsBot.Bot.Turns;
using NewsBot.Security;

namespace NewsBot.Bot;

/// <summary>Registers the Bot Framework adapter, the bot and its commands, and maps <c>POST /api/messages</c>.</summary>
public static class BotHostingExtensions
{
    public static WebApplicationBuilder AddBot(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<ServiceUrlPolicy>();
        services.AddSingleton<BotEndpoint>();

        // Bot Framework's SDK reads its credentials (MicrosoftAppId, MicrosoftAppPassword, ...) from the configuration itself.
        // With IHttpClientFactory registered, the SDK's connector clients share pooled handlers instead of
        // opening a new HttpClient (and new connections) for every turn's replies.
        services.AddHttpClient();
        services.AddSingleton<BotFrameworkAuthentication>(sp => new ConfigurationBotFrameworkAuthentication(
            sp.GetRequiredService<IConfiguration>(),
            httpClientFactory: sp.GetRequiredService<IHttpClientFactory>(),
            logger: sp.GetRequiredService<ILogger<ConfigurationBotFrameworkAuthentication>>()));

        // CloudAdapter has two public constructors that DI finds ambiguous: build it explicitly.
        services.AddSingleton(sp => new NewsBotAdapter(
            sp.GetRequiredService<BotFrameworkAuthentication>(),
            sp.GetRequiredService<ILogger<NewsBotAdapter>>()));
        services.AddSingleton<CloudAdapter>(sp => sp.GetRequiredService<NewsBotAdapter>());
        services.AddSingleton<IBotFrameworkHttpAdapter>(sp => sp.GetRequiredService<NewsBotAdapter>());

        services.AddSingleton<ReplyFactory>();
        services.AddSingleton<ConversationMemory>();
        services.AddSingleton<IBotCommand, HelpCommand>();
        services.AddSingleton<IBotCommand, LatestCommand>();
        services.AddSingleton<IBotCommand, AboutCommand>();
        services.AddSingleton<IBotCommand, MoreCommand>();
        services.AddSingleton<QuestionCommand>();
        services.AddSingleton<FeedbackHandler>();
        services.AddSingleton<ArticleSearchHandler>();
        services.AddSingleton<CommandRouter>();
        services.AddSingleton<IBot, NewsBotActivityHandler>();
        services.AddSingleton<InProcessAdapter>();
        return builder;
    }

    public static WebApplication MapBot(this WebApplication app)
    {
        var messages = app.MapPost("/api/messages", (HttpContext context, BotEndpoint endpoint) => endpoint.HandleAsync(context));

        var mode = app.Services.GetRequiredService<BotMode>();
        var logger = app.Services.GetRequiredService<ILogger<NewsBotAdapter>>();
        switch (mode.Kind)
        {
            case BotModeKind.Local:
                // Unauthenticated: only callers on this machine, even when LocalChat:AllowRemote opens the page to others.
                messages.RequireLocalCaller();
                NewsBotAdapter.Log.LocalMode(logger);
                break;
            case BotModeKind.Authenticated:
                NewsBotAdapter.Log.Authenticated(logger, mode.AppId);
                break;
            default:
                NewsBotAdapter.Log.Off(logger);
                break;
        }

        return app;
    }
}
