using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;
using NewsBot.Bot;
using NewsBot.Health;
using NewsBot.Collection;
using NewsBot.Curation;
using NewsBot.Digests;
using NewsBot.LocalChat;
using NewsBot.Slack;
using NewsBot.Storage;
using NewsBot.Telemetry;

namespace NewsBot.Hosting;

/// <summary>The bot's web host: a table of contents of the features, each registering itself beside its code.</summary>
public static class NewsBotHost
{
    public const string DefaultUrl = "http://localhost:3978";

    /// <summary>
    /// Runs the bot until it is stopped. A start that cannot work (a setting that fails validation, local mode asked to
    /// listen beyond loopback, a port already in use) prints one line to <paramref name="error"/> and exits 1.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            await using var app = Build(args);
            await app.RunAsync().ConfigureAwait(false);
            return 0;
        }
        catch (OptionsValidationException e)
        {
            await error.WriteLineAsync($"error: {string.Join(" ", e.Failures)}").ConfigureAwait(false);
            return 1;
        }
        catch (IOException e) when (e.InnerException is AddressInUseException)
        {
            await error.WriteLineAsync($"error: {e.Message} Is NewsBot already running? Stop it, or choose another port with --urls http://localhost:PORT.").ConfigureAwait(false);
            return 1;
        }
    }

    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddCommandLine(args, new Dictionary<string, string> { ["--knowledge"] = "Knowledge:Path", ["--data"] = "Storage:Path" });
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.AddTelemetry();
        builder.AddKnowledgeBase();
        builder.AddBotStorage();
        builder.AddBot();
        builder.AddDigests();
        builder.AddLocalChat();
        builder.AddSlack();
        builder.AddCuration();

        var app = builder.Build();
        app.MapTelemetry();
        app.MapHealth();
        app.MapBot();
        app.MapLocalChat();
        app.MapSlack();
        app.MapCuration();
        return app;
    }
}
