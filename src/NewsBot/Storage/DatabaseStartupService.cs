using Microsoft.Extensions.Options;
using NewsBot.Configuration;

namespace NewsBot.Storage;

/// <summary>
/// Brings the schema up to date when the bot starts, so the first turn does not pay for it, and says in the log which
/// database at which version the bot uses. A database that cannot be reached is logged and tried again every
/// <see cref="RetryDelay"/>; the bot keeps running meanwhile and <c>/healthz/ready</c> says it is not ready. With
/// PostgreSQL and <see cref="StorageOptions.MigrateOnStart"/> off, the version is only checked.
/// </summary>
internal sealed partial class DatabaseStartupService(IBotDatabase database, IOptions<StorageOptions> options, TimeProvider time, ILogger<DatabaseStartupService> logger) : BackgroundService
{
    public static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (options.Value.MigrateOnStart || database.Provider == StorageProvider.Sqlite)
                {
                    var migration = await database.MigrateAsync(stoppingToken).ConfigureAwait(false);
                    Log.Ready(logger, database.Provider, database.Location, migration.To);
                    return;
                }

                var state = await database.CheckAsync(stoppingToken).ConfigureAwait(false);
                if (state.IsReady)
                {
                    Log.Ready(logger, database.Provider, database.Location, state.SchemaVersion!.Value);
                    return;
                }

                Log.NotReady(logger, database.Provider, database.Location, state.Problem ?? "not ready");
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // The edge of startup: a database that is down now may be up in a moment; turns fail until it is.
                Log.Unavailable(logger, exception, database.Provider, database.Location, RetryDelay);
            }

            try
            {
                await Task.Delay(RetryDelay, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 43, Level = LogLevel.Information, Message = "Bot state in {Provider} at {Location}, schema version {Version}")]
        public static partial void Ready(ILogger logger, StorageProvider provider, string location, int version);

        [LoggerMessage(EventId = 44, Level = LogLevel.Error, Message = "The {Provider} database at {Location} cannot be used; trying again in {Delay}")]
        public static partial void Unavailable(ILogger logger, Exception exception, StorageProvider provider, string location, TimeSpan delay);

        [LoggerMessage(EventId = 45, Level = LogLevel.Warning, Message = "The {Provider} database at {Location} is not ready ({Problem}); run the migrate command. Checking again shortly")]
        public static partial void NotReady(ILogger logger, StorageProvider provider, string location, string problem);
    }
}
