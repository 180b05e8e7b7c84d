using System.CommandLine;
using NewsBot.Knowledge.Curation;

namespace NewsBot.Cli;

/// <summary>
/// <c>add &lt;url&gt; [--publish]</c>: drafts a web page into <c>knowledge/_drafts/&lt;year&gt;/&lt;slug&gt;.md</c> from
/// its metadata and readable text, lints the draft and says what to check; <c>--publish</c> publishes a draft that
/// lints clean at once. An address already in the collection or a draft writes nothing and names the file.
/// </summary>
internal static class AddCommand
{
    public static Command Create(GlobalOptions options, TimeProvider time)
    {
        var url = new Argument<string>("url") { Description = "The page of the story (http or https)" };
        url.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && !IsWebAddress(result.Tokens[0].Value))
            {
                result.AddError($"'{result.Tokens[0].Value}' is not an http(s) address such as https://example.org/story");
            }
        });
        var publish = new Option<bool>("--publish") { Description = "Publish the draft at once when it lints clean" };

        var command = new Command("add", "Draft an article from a web page (metadata and readable text), lint it, and say what to check")
        {
            url, publish,
        };
        command.SetAction(parse =>
        {
            var environment = new CliEnvironment(parse, options, time);
            using var desk = CliCuration.Open(environment, out _);
            if (desk is null)
            {
                return ExitCodes.Usage;
            }

            var address = new Uri(parse.GetRequiredValue(url));

            // The command line runs actions synchronously, and a console has no synchronisation context to deadlock on.
            var result = (parse.GetValue(publish) ? desk.AddAndPublishAsync(address) : desk.AddAsync(address)).GetAwaiter().GetResult();
            DraftPrinter.Print(environment, result);
            if (result.Status == AddStatus.Published)
            {
                environment.Out.WriteLine("the running bot serves it within seconds (or run 'index')");
            }

            return result.Status switch
            {
                AddStatus.Published => ExitCodes.Success,
                AddStatus.Drafted when result.LintsClean && !parse.GetValue(publish) => ExitCodes.Success,
                _ => ExitCodes.Findings,
            };
        });
        return command;
    }

    private static bool IsWebAddress(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
