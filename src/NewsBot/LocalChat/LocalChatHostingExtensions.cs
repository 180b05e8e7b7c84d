using Microsoft.Extensions.Options;
using NewsBot.Bot;
using NewsBot.Security;

namespace NewsBot.LocalChat;

/// <summary>
/// The local chat page and the Direct Line emulation behind it, for trying NewsBot without any cloud account. Local
/// mode only (<see cref="BotMode.IsLocal"/>; its options are registered with the other settings): with a MicrosoftAppId none of its endpoints exist and <c>GET /</c>
/// answers 404 with a line saying why.
/// </summary>
public static class LocalChatHostingExtensions
{
    public const string NotLocalText = "NewsBot is running. The chat page is served only in local mode (no MicrosoftAppId configured).";

    /// <summary>
    /// Registers the conversation store and the relay to the bot. They are cheap and unused outside local mode; the
    /// mode is decided once (<see cref="BotMode"/>) and read in <see cref="MapLocalChat"/>.
    /// </summary>
    public static WebApplicationBuilder AddLocalChat(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        LocalChatRateLimits.Add(services);
        services.AddSingleton<ConversationStore>();
        services.AddSingleton<BotRelay>();
        return builder;
    }

    /// <summary>In local mode, maps the page, the Direct Line emulation and the local connector; otherwise only a 404 at <c>/</c>.</summary>
    public static WebApplication MapLocalChat(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (!app.Services.GetRequiredService<BotMode>().IsLocal)
        {
            app.MapGet("/", () => Results.Text(NotLocalText, statusCode: StatusCodes.Status404NotFound));
            return app;
        }

        // The page and Direct Line are for this machine unless LocalChat:AllowRemote opens them to others; the local
        // connector, where replies are written into conversations, is for the bot itself on this machine, always.
        var allowRemote = app.Services.GetRequiredService<IOptions<LocalChatOptions>>().Value.AllowRemote;
        app.UseRateLimiter();
        var page = ChatPage.Map(app);
        var directLine = DirectLineEndpoints.Map(app);
        if (!allowRemote)
        {
            page?.RequireLocalCaller();
            directLine.RequireLocalCaller();
        }

        LocalConnectorEndpoints.Map(app).RequireLocalCaller();
        return app;
    }
}
