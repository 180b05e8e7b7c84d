using System.Text.RegularExpressions;
using Microsoft.Bot.Builder;
using NewsBot.Knowledge.Curation;

namespace NewsBot.Curation.Commands;

/// <summary><c>add &lt;url&gt;</c>: drafts the page and replies with its preview card (Publish, Discard).</summary>
internal sealed partial class AddDraftCommand(CurationServices services) : CuratorCommand(services)
{
    public override string Name => "add";

    public override string Usage => "add <url>";

    public override string Description => "draft an article from a web page (curators)";

    /// <summary>The first http(s) address in the text: Teams may send it inside a link, Slack as &lt;url|label&gt;.</summary>
    public static Uri? FindUrl(string text)
    {
        var match = Address().Match(text ?? string.Empty);
        return match.Success && Uri.TryCreate(match.Value.TrimEnd('.', ',', ';', ':', '!', '?'), UriKind.Absolute, out var url) ? url : null;
    }

    protected override bool IsCommand(string arguments) => FindUrl(arguments) is not null;

    protected override async Task RunAsync(ITurnContext turnContext, string arguments, CancellationToken cancellationToken)
    {
        var url = FindUrl(arguments)!;
        var result = await Services.Desk.AddAsync(url, cancellationToken).ConfigureAwait(false);
        var reply = result.Status switch
        {
            AddStatus.Duplicate => MessageFactory.Text($"That story is already in `{Services.Relative(result.ExistingPath!)}`, so I drafted nothing."),
            AddStatus.Failed => MessageFactory.Text($"I couldn't draft {url.AbsoluteUri}: {result.Message}. Nothing was written."),
            _ => DraftReplies.Preview(turnContext.Activity, result.Draft!, result.Checks, result.Problems),
        };
        if (result.Draft is { } draft)
        {
            Log.Drafted(Services.Logger, url.AbsoluteUri, draft.Id);
        }
        else
        {
            Log.NotDrafted(Services.Logger, url.AbsoluteUri, result.Message);
        }

        await turnContext.SendActivityAsync(reply, cancellationToken).ConfigureAwait(false);
    }

    [GeneratedRegex(@"https?://[^\s<>""'|]+", RegexOptions.IgnoreCase)]
    private static partial Regex Address();

    private static partial class Log
    {
        [LoggerMessage(EventId = 140, Level = LogLevel.Information, Message = "Curator drafted {Url} as {Draft}")]
        public static partial void Drafted(ILogger logger, string url, string draft);

        [LoggerMessage(EventId = 141, Level = LogLevel.Information, Message = "Curator could not draft {Url}: {Reason}")]
        public static partial void NotDrafted(ILogger logger, string url, string reason);
    }
}
