using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsBot.Hosting;

namespace NewsBot.Storage;

/// <summary>Registers the SQLite database in the data folder and what is stored in it.</summary>
public static class StorageHostingExtensions
{
    /// <summary>
    /// Adds <see cref="IStorage"/> (bot state), <see cref="ConversationState"/> over it, <see cref="IQuestionLog"/> and
    /// <see cref="IFeedbackStore"/>, all in <see cref="DataPaths.Database"/>. Needs <see cref="DataPaths"/> registered.
    /// </summary>
    public static WebApplicationBuilder AddBotStorage(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new SqliteDatabase(sp.GetRequiredService<DataPaths>(), sp.GetRequiredService<ILogger<SqliteDatabase>>()));
        services.AddSingleton<IStorage, SqliteStorage>();
        services.AddSingleton(sp => new ConversationState(sp.GetRequiredService<IStorage>()));
        services.AddSingleton<IQuestionLog, SqliteQuestionLog>();
        services.AddSingleton<IFeedbackStore, SqliteFeedbackStore>();
        return builder;
    }
}
