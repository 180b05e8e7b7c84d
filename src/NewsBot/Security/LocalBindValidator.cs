using Microsoft.Extensions.Options;
using NewsBot.Bot;
using NewsBot.LocalChat;

namespace NewsBot.Security;

/// <summary>
/// Local mode is unauthenticated, so it listens on loopback only: a non-loopback address without an app id fails at
/// start with one line saying what to do, unless <see cref="LocalChatOptions.AllowRemote"/> is set.
/// </summary>
/// <remarks>The addresses are ASP.NET Core's own settings (<c>urls</c>, <c>http_ports</c>, <c>Kestrel:Endpoints</c>), read from the
/// configuration as Kestrel reads them (<see cref="BindAddresses"/>).</remarks>
internal sealed class LocalBindValidator(IOptions<BotIdentityOptions> identity, IConfiguration configuration) : IValidateOptions<LocalChatOptions>
{
    public ValidateOptionsResult Validate(string? name, LocalChatOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (BotMode.Of(identity.Value, options).Kind != BotModeKind.Local || options.AllowRemote)
        {
            return ValidateOptionsResult.Success;
        }

        var remote = BindAddresses.NonLoopback(configuration);
        return remote.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"local mode (no MicrosoftAppId) is unauthenticated and listens on loopback only, but it was asked to listen on {string.Join(", ", remote)}. "
                + "Use --urls http://localhost:3978, set MicrosoftAppId for Azure Bot Service, set LocalChat:Enabled=false to serve direct Slack only, "
                + "or set LocalChat:AllowRemote=true to let other machines open the chat page.");
    }
}
