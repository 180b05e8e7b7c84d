using System.CommandLine;
using System.CommandLine.Parsing;
using NewsBot.Bot.Teams;

namespace NewsBot.Cli;

/// <summary>
/// <c>pack-teams --app-id GUID [--bot-id GUID] [--host DOMAIN] [--out FILE]</c>: writes the Teams app package
/// (manifest.json and icons, zipped) ready to upload in Teams or the Teams admin center.
/// </summary>
internal static class PackTeamsCommand
{
    public const string DefaultOut = "newsbot-teams.zip";
    public const string DefaultHost = "localhost";

    public static Command Create()
    {
        var appId = GuidOption("--app-id", "The Teams app's id: a GUID of your choosing, the same on every update of the app");
        appId.Required = true;
        var botId = GuidOption("--bot-id", "The Azure Bot's Microsoft App ID (MicrosoftAppId); defaults to --app-id");
        var host = new Option<string>("--host")
        {
            Description = "The public host name of the bot, e.g. newsbot.contoso.com (valid domain and links)",
            DefaultValueFactory = _ => DefaultHost,
            HelpName = "DOMAIN",
        };
        host.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && !TeamsAppPackage.IsValidHost(result.Tokens[0].Value))
            {
                result.AddError($"--host must be a host name such as newsbot.contoso.com, without https:// or a path (got '{result.Tokens[0].Value}')");
            }
        });
        var output = new Option<FileInfo>("--out")
        {
            Description = "Where to write the zip",
            DefaultValueFactory = _ => new FileInfo(DefaultOut),
            HelpName = "FILE",
        };

        var command = new Command("pack-teams", "Write the Teams app package (manifest and icons) with your app id, bot id and host")
        {
            appId, botId, host, output,
        };
        command.SetAction(parse =>
        {
            var app = Guid.Parse(parse.GetRequiredValue(appId));
            var bot = parse.GetValue(botId) is { } botText ? Guid.Parse(botText) : app;
            var file = parse.GetRequiredValue(output);
            file.Directory?.Create();
            using (var stream = file.Create())
            {
                TeamsAppPackage.Write(stream, app, bot, parse.GetRequiredValue(host));
            }

            parse.InvocationConfiguration.Output.WriteLine($"wrote {file.FullName} (app {app:D}, bot {bot:D}, host {parse.GetRequiredValue(host)})");
            parse.InvocationConfiguration.Output.WriteLine("Upload it in Teams: Apps → Manage your apps → Upload an app (docs/teams.md).");
            return ExitCodes.Success;
        });
        return command;
    }

    private static Option<string> GuidOption(string name, string description)
    {
        var option = new Option<string>(name) { Description = description, HelpName = "GUID" };
        option.Validators.Add(result => Validate(result, name));
        return option;
    }

    private static void Validate(OptionResult result, string name)
    {
        if (result.Tokens.Count == 1 && !Guid.TryParseExact(result.Tokens[0].Value, "D", out _))
        {
            result.AddError($"{name} must be a GUID like 2b9a4c3e-5f6d-4e7a-8b9c-0d1e2f3a4b5c (got '{result.Tokens[0].Value}')");
        }
    }
}
