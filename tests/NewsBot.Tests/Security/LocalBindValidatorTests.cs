using Microsoft.Extensions.Configuration;
using NewsBot.Bot;
using NewsBot.LocalChat;
using NewsBot.Security;

namespace NewsBot.Tests.Security;

public sealed class LocalBindValidatorTests
{
    [Theory]
    [InlineData("urls", "http://localhost:3978", true)]
    [InlineData("urls", "http://127.0.0.1:3978;http://[::1]:3978", true)]
    [InlineData("urls", "http://127.0.0.2:3978", true)]
    [InlineData("urls", "http://0.0.0.0:3978", false)]
    [InlineData("urls", "http://*:3978", false)]
    [InlineData("urls", "http://+:3978", false)]
    [InlineData("urls", "http://[::]:3978", false)]
    [InlineData("urls", "http://localhost:3978;http://192.168.1.20:3978", false)]
    [InlineData("urls", "http://newsbot.contoso.com:3978", false)]
    [InlineData("http_ports", "8080", false)]
    [InlineData("Kestrel:Endpoints:Http:Url", "http://0.0.0.0:5000", false)]
    [InlineData("Kestrel:Endpoints:Http:Url", "http://localhost:5000", true)]
    public void LocalMode_ListensOnLoopbackOnly(string key, string value, bool valid)
    {
        var result = Validate(new() { [key] = value });

        Assert.Equal(valid, result.Succeeded);
        if (!valid)
        {
            Assert.Contains("LocalChat:AllowRemote", result.FailureMessage, StringComparison.Ordinal);
            Assert.DoesNotContain("\n", result.FailureMessage, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("LocalChat:AllowRemote", "true")]
    [InlineData("LocalChat:Enabled", "false")]
    [InlineData("MicrosoftAppId", "00000000-0000-0000-0000-000000000001")]
    public void NonLoopbackBind_IsFine_WhenAllowedOrNotInLocalMode(string key, string value)
    {
        Assert.True(Validate(new() { ["urls"] = "http://0.0.0.0:3978", [key] = value }).Succeeded);
    }

    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var options = configuration.GetSection(LocalChatOptions.SectionName).Get<LocalChatOptions>() ?? new LocalChatOptions();
        var identity = Microsoft.Extensions.Options.Options.Create(configuration.Get<BotIdentityOptions>() ?? new BotIdentityOptions());
        return new LocalBindValidator(identity, configuration).Validate(null, options);
    }
}
