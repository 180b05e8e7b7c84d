using Microsoft.Bot.Builder.Integration.AspNet.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NewsBot.Bot;
using NewsBot.Bot.Commands;
using NewsBot.Digests.Commands;
using NewsBot.Hosting;
using NewsBot.Storage;
using NewsBot.Telemetry;

namespace NewsBot.Digests;

/// <summary>Registers daily digests: the <c>digest</c> command, the subscription store and the delivery service.</summary>
public static class DigestHostingExtensions
{
    /// <summary>Needs the bot (its adapter and <see cref="Bot.Replies.ReplyFactory"/>), the knowledge base and the bot storage registered.
    /// Subscriptions and installations live in the configured database (<c>Storage:Provider</c>).</summary>
    public static WebApplicationBuilder AddDigests(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddStore<IDigestSubscriptions, SqliteDigestSubscriptions, PostgresDigestSubscriptions>();
        services.AddStore<IInstallations, SqliteInstallations, PostgresInstallations>();
        services.TryAddSingleton<ReplicaIdentity>();
        services.TryAddSingleton<NewsBotMetrics>();

        // Sent as the bot's app id: empty in local mode, where the adapter sends without authentication.
        services.AddSingleton(sp => new AdapterDigestSender(
            sp.GetRequiredService<CloudAdapter>(),
            sp.GetRequiredService<BotMode>().AppId,
            sp.GetRequiredService<Security.ServiceUrlPolicy>()));

        // Slack channels subscribed directly (no Azure) get theirs through chat.postMessage; see AddSlack.
        services.AddSingleton<IDigestSender, ChannelDigestSender>();
        services.AddSingleton<DigestDelivery>();
        services.AddHostedService<DigestDeliveryService>();

        services.AddSingleton<IDigestSubcommand, DigestOnCommand>();
        services.AddSingleton<IDigestSubcommand, DigestOffCommand>();
        services.AddSingleton<IDigestSubcommand, DigestStatusCommand>();
        services.AddSingleton<IDigestSubcommand, DigestNowCommand>();
        services.AddSingleton<IDigestSubcommand, DigestWeekdaysCommand>();
        services.AddSingleton<IDigestSubcommand, DigestListCommand>();
        services.AddSingleton<IBotCommand, DigestCommand>();
        return builder;
    }
}
