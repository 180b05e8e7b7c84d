using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using NewsBot.Bot;
using NewsBot.Collection;
using NewsBot.Curation;
using NewsBot.Digests;
using NewsBot.Hosting;
using NewsBot.Knowledge;
using NewsBot.LocalChat;
using NewsBot.Security;
using NewsBot.Slack;
using NewsBot.Storage.Postgres;
using NewsBot.Telemetry;

namespace NewsBot.Configuration;

/// <summary>
/// Every setting of the bot and the command line, bound once to one options type per concern and validated at start,
/// whoever starts: the host (<see cref="NewsBotHost"/>) and every command (<see cref="Cli.CliSettings"/>) register
/// them here. Also the resolved folders (<see cref="DataPaths"/>), the <see cref="BotMode"/> and the one clock.
/// docs/deploy.md lists each setting with its options type.
/// </summary>
public static class NewsBotSettings
{
    /// <summary>Needs <see cref="IConfiguration"/> registered (the host does; <see cref="NewsBotConfiguration"/> has the sources).</summary>
    public static IServiceCollection AddNewsBotSettings(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);

        // The one clock: tests and the command line register theirs before.
        services.TryAddSingleton(TimeProvider.System);

        AddPaths(services);
        AddBot(services);

        services.AddOptions<CollectionSyncOptions>()
            .BindConfiguration(CollectionSyncOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<DigestOptions>()
            .BindConfiguration(DigestOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<CurationOptions>()
            .BindConfiguration(CurationOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.HasValidSchedule(), "Curation:FeedSchedule must be a cron expression such as \"0 * * * *\" (UTC), or \"off\".")
            .ValidateOnStart();
        services.AddOptions<SlackOptions>()
            .BindConfiguration(SlackOptions.SectionName)
            .Validate(o => o.ApiBaseUrl.IsAbsoluteUri && o.ApiBaseUrl.AbsolutePath.EndsWith('/'), "Slack:ApiBaseUrl must be an absolute URL ending with '/'.")
            .Validate(o => o.MaxClockSkew > TimeSpan.Zero && o.EventMemory > TimeSpan.Zero, "Slack:MaxClockSkew and Slack:EventMemory must be positive.")
            .Validate(o => o.MaxRequestBytes is >= 1024 and <= 16 * 1024 * 1024, "Slack:MaxRequestBytes must be from 1024 to 16777216.")
            .Validate(o => o.QueueCapacity is >= 1 and <= 100_000 && o.MaxConcurrentReplies is >= 1 and <= 64, "Slack:QueueCapacity must be from 1 to 100000 and Slack:MaxConcurrentReplies from 1 to 64.")
            .Validate(o => o.PostAttempts is >= 1 and <= 10 && o.RetryDelay >= TimeSpan.Zero && o.MaxRetryDelay >= o.RetryDelay, "Slack:PostAttempts must be from 1 to 10, and Slack:MaxRetryDelay at least Slack:RetryDelay.")
            .Validate(o => o.ReplyAttempts is >= 1 and <= 20 && o.ReplySweepInterval >= TimeSpan.FromMilliseconds(100) && o.ReplySweepInterval <= TimeSpan.FromHours(1), "Slack:ReplyAttempts must be from 1 to 20, and Slack:ReplySweepInterval from 100 ms to 1 hour.")
            .Validate(o => o.ReplyLease >= TimeSpan.FromSeconds(1) && o.ReplyLease > o.MaxRetryDelay * (o.PostAttempts - 1), "Slack:ReplyLease must be at least 1 s and longer than the waits between a post's tries, Slack:MaxRetryDelay × (Slack:PostAttempts − 1).")
            .ValidateOnStart();
        services.AddOptions<TelemetryOptions>()
            .BindConfiguration(TelemetryOptions.SectionName)
            .Validate(o => o.PrometheusPath.StartsWith('/'), "Telemetry:PrometheusPath must start with '/'.")
            .ValidateOnStart();
        return services;
    }

    /// <summary>
    /// <c>Knowledge:Path</c> and <c>Storage:Path</c>, resolved once by <see cref="NewsBotPaths"/> into
    /// <see cref="KnowledgeOptions.Path"/>, <see cref="KnowledgeOptions.DataPath"/> and <see cref="DataPaths"/>.
    /// </summary>
    private static void AddPaths(IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            // ConnectionStrings:NewsBot is the .NET convention's place for it, outside the Storage section.
            .Configure<IConfiguration>((options, configuration) => options.ConnectionString ??= configuration.GetConnectionString(StorageOptions.ConnectionStringName))
            .Validate(options => Enum.IsDefined(options.Provider), "Storage:Provider must be Sqlite or Postgres.")
            .Validate(
                options => options.Provider != StorageProvider.Postgres || PostgresConnection.IsValid(options.ConnectionString),
                "Storage:Provider is Postgres: set ConnectionStrings:NewsBot (environment ConnectionStrings__NewsBot) to an Npgsql connection string, e.g. Host=db;Database=newsbot;Username=newsbot;Password=….")
            .ValidateOnStart();

        services.AddOptions<KnowledgeOptions>()
            // Empty unless Knowledge:Path is set (the library's default is a relative "knowledge"), so that an unset
            // path finds the repository's knowledge/ wherever the program runs from.
            .Configure(options => options.Path = string.Empty)
            .BindConfiguration(KnowledgeOptions.SectionName)
            .Configure<IOptions<StorageOptions>>((options, storage) =>
                (options.Path, options.DataPath) = NewsBotPaths.Resolve(options.Path, storage.Value.Path))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(sp => DataPaths.Of(sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value));
    }

    private static void AddBot(IServiceCollection services)
    {
        // Root keys, as Bot Framework's SDK reads them.
        services.AddOptions<BotIdentityOptions>()
            .Configure<IConfiguration>((options, configuration) => configuration.Bind(options));
        services.AddOptions<LocalChatOptions>()
            .BindConfiguration(LocalChatOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<LocalChatOptions>, LocalBindValidator>();
        services.TryAddSingleton(sp => BotMode.Of(
            sp.GetRequiredService<IOptions<BotIdentityOptions>>().Value,
            sp.GetRequiredService<IOptions<LocalChatOptions>>().Value));
        services.AddOptions<BotOptions>()
            .BindConfiguration(BotOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.AllowedServiceUrls.All(url => ServiceUrlPolicy.IsWellFormed(url, out _)), "Bot:AllowedServiceUrls must be absolute http or https URLs.")
            .ValidateOnStart();
    }
}
