using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsBot.Hosting;
using NewsBot.Knowledge;
using NewsBot.Storage;
using NewsBot.Telemetry;

namespace NewsBot.Collection;

/// <summary>Registers the knowledge base and the service that keeps it in sync with the knowledge folder. Its options
/// (<see cref="KnowledgeOptions"/>, <see cref="CollectionSyncOptions"/>) are registered with the other settings (<see cref="Configuration.NewsBotSettings"/>).</summary>
public static class CollectionHostingExtensions
{
    public static WebApplicationBuilder AddKnowledgeBase(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CollectionState>();
        builder.Services.TryAddSingleton<NewsBotMetrics>();
        // The index is this replica's; when articles were first seen is shared through the database, so that every
        // replica's digests hold the same articles.
        builder.Services.AddStore<IArticleSightings, SqliteArticleSightings, PostgresArticleSightings>();
        builder.Services.AddSingleton<IKnowledgeBase>(sp => new TracedKnowledgeBase(
            new SharedFirstSeenKnowledgeBase(
                KnowledgeBase.Open(
                    sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<KnowledgeOptions>>().Value,
                    sp.GetRequiredService<TimeProvider>(),
                    sp.GetRequiredService<ILogger<KnowledgeBase>>()),
                sp.GetRequiredService<IArticleSightings>(),
                sp.GetRequiredService<ILogger<SharedFirstSeenKnowledgeBase>>()),
            sp.GetRequiredService<NewsBotMetrics>(),
            sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddHostedService<CollectionSyncService>();
        return builder;
    }
}
