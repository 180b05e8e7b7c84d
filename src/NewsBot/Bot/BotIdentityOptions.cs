namespace NewsBot.Bot;

/// <summary>
/// The Azure Bot Service identity: root settings, named as Bot Framework's SDK reads them (it also reads
/// <c>MicrosoftAppPassword</c>, <c>MicrosoftAppType</c> and <c>MicrosoftAppTenantId</c> itself, see docs/bot.md).
/// NewsBot decides its <see cref="BotMode"/> from the app id.
/// </summary>
public sealed class BotIdentityOptions
{
    /// <summary>The bot's Microsoft app id. Unset (the default): no Azure Bot Service, local mode or off.</summary>
    public string? MicrosoftAppId { get; set; }
}
