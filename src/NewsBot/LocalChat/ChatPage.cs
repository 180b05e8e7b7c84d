using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.FileProviders;

namespace NewsBot.LocalChat;

/// <summary>
/// The chat page: <c>GET /</c> serves wwwroot/index.html, and wwwroot's other files (the page's script and style,
/// and lib/webchat.js, which the build copies from npm) are served as they are. wwwroot is taken from the app's
/// base directory, not the content root, so the page works whatever the working directory.
/// </summary>
internal static partial class ChatPage
{
    public const string WebChatBundle = "lib/webchat.js";

    public static string WebRoot => Path.Combine(AppContext.BaseDirectory, "wwwroot");

    /// <summary>Maps the page; null when it is missing from the build output (logged).</summary>
    public static RouteHandlerBuilder? Map(WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ChatPage));
        var index = Path.Combine(WebRoot, "index.html");
        if (!File.Exists(index))
        {
            Log.PageMissing(logger, index);
            return null;
        }

        var bundle = Path.Combine(WebRoot, WebChatBundle);
        if (!File.Exists(bundle))
        {
            Log.WebChatMissing(logger, bundle);
        }

        app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(WebRoot) });
        var page = app.MapGet("/", (HttpResponse response) =>
        {
            response.Headers.CacheControl = "no-cache";
            return TypedResults.PhysicalFile(index, "text/html; charset=utf-8");
        });
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            // No addresses under a test server; Kestrel's are known once it has started.
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var url in addresses)
            {
                Log.PageReady(logger, url);
            }
        });
        return page;
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 63, Level = LogLevel.Error, Message = "Local chat page: {Path} is missing from the build output, so / is not served")]
        public static partial void PageMissing(ILogger logger, string path);

        [LoggerMessage(EventId = 62, Level = LogLevel.Warning, Message = "Local chat page: the Web Chat bundle {Path} is missing, so the page can only say so. Install Node.js (npm) and build again: the build runs npm ci in src/NewsBot/ClientApp and copies the bundle")]
        public static partial void WebChatMissing(ILogger logger, string path);

        [LoggerMessage(EventId = 61, Level = LogLevel.Information, Message = "Local chat page: open {Url} in a browser to chat with NewsBot")]
        public static partial void PageReady(ILogger logger, string url);
    }
}
