using Microsoft.Bot.Builder;
using Microsoft.Extensions.Options;
using NewsBot.Configuration;
using NewsBot.Hosting;
using NewsBot.Storage.Postgres;

namespace NewsBot.Storage;

/// <summary>Registers the bot's database (<c>Storage:Provider</c>: SQLite in the data folder, or PostgreSQL) and what is stored in it.</summary>
public static class StorageHostingExtensions
{
    /// <summary>
    /// Adds <see cref="IStorage"/> (bot state), <see cref="ConversationState"/> over it, <see cref="IQuestionLog"/> and
    /// <see cref="IFeedbackStore"/> on the configured provider, and a service that brings the schema up to date at start.
    /// Needs the settings registered (<see cref="NewsBotSettings"/>: <see cref="StorageOptions"/>, <see cref="DataPaths"/>).
    /// </summary>
    public static WebApplicationBuilder AddBotStorage(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddSingleton(sp => new SqliteDatabase(sp.GetRequiredService<DataPaths>(), sp.GetRequiredService<ILogger<SqliteDatabase>>()));
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return new PostgresDatabase(options.ConnectionString!, options.MigrateOnStart, sp.GetRequiredService<ILogger<PostgresDatabase>>());
        });
        services.AddSingleton<IBotDatabase>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.Postgres
            ? sp.GetRequiredService<PostgresDatabase>()
            : sp.GetRequiredService<SqliteDatabase>());
        services.AddStore<IStorage, SqliteStorage, PostgresStorage>();
        services.AddSingleton(sp => new ConversationState(sp.GetRequiredService<IStorage>()));
        services.AddStore<IQuestionLog, SqliteQuestionLog, PostgresQuestionLog>();
        services.AddStore<IFeedbackStore, SqliteFeedbackStore, PostgresFeedbackStore>();
        services.AddHostedService<DatabaseStartupService>();
        return builder;
    }

    /// <summary>Registers <typeparamref name="TService"/> as the implementation for the configured <see cref="StorageProvider"/>.</summary>
    internal static IServiceCollection AddStore<TService, TSqlite, TPostgres>(this IServiceCollection services)
        where TService : class
        where TSqlite : TService
        where TPostgres : TService =>
        services.AddSingleton<TService>(sp => sp.GetRequiredService<IOptions<StorageOptions>>().Value.Provider == StorageProvider.Postgres
            ? ActivatorUtilities.CreateInstance<TPostgres>(sp)
            : ActivatorUtilities.CreateInstance<TSqlite>(sp));
}
