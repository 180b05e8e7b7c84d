using Microsoft.AspNetCore.Connections;
using Microsoft.Extensions.Options;
using NewsBot.Bot;
using NewsBot.Health;
using NewsBot.Collection;
using NewsBot.Configuration;
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
    /// listen beyond loopback, a port already in use) prints one line to <paramref name="error"/> and exits 1; a bad
    /// setting is the same line every command prints (<see cref="SettingsError"/>).
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
        catch (Exception e) when (SettingsError.Describe(e) is { } line)
        {
            await error.WriteLineAsync(line).ConfigureAwait(false);
            return SettingsError.ExitCode;
        }
        catch (IOException e) when (e.InnerException is AddressInUseException)
        {
            await error.WriteLineAsync($"error: {e.Message} Is NewsBot already running? Stop it, or choose another port with --urls http://localhost:PORT.").ConfigureAwait(false);
            return 1;
        }
    }

    public static WebApplication Build(string[] args)
    {
        var app = CreateBuilder(args).Build();

        // Settings first, as every command checks them: a bad one is one line, before anything logs or listens.
        app.Services.GetRequiredService<IStartupValidator>().Validate();
        app.MapTelemetry();
        app.MapHealth();
        app.MapBot();
        app.MapLocalChat();
        app.MapSlack();
        app.MapCuration();
        return app;
    }

    /// <summary>
    /// The bot's configuration and services, before the app is built: mapping the endpoints opens the index in the data
    /// folder, so what only reads settings stops here.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddNewsBotSources(args);

        // ASP.NET Core's own setting, read as Kestrel reads it: no urls given means this machine's port 3978.
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Services.AddNewsBotSettings();
        builder.AddTelemetry();
        builder.AddKnowledgeBase();
        builder.AddBotStorage();
        builder.AddBot();
        builder.AddDigests();
        builder.AddLocalChat();
        builder.AddSlack();
        builder.AddCuration();
        return builder;
    }
}
