using Microsoft.Bot.Builder;

namespace NewsBot.Curation.Commands;

/// <summary><c>drafts</c>: the drafts waiting for review, each with its lint state and Publish/Discard buttons.</summary>
internal sealed class DraftsCommand(CurationServices services) : CuratorCommand(services)
{
    /// <summary>Drafts listed at most (each is linted); the rest are counted.</summary>
    public const int Listed = 10;

    public override string Name => "drafts";

    public override string Usage => "drafts";

    public override string Description => "the drafts waiting for review (curators)";

    protected override bool IsCommand(string arguments) => arguments.Length == 0;

    protected override Task RunAsync(ITurnContext turnContext, string arguments, CancellationToken cancellationToken)
    {
        var drafts = Services.Desk.Drafts();
        var listed = drafts.Take(Listed).Select(d => (d, Services.Desk.Lint(d))).ToList();
        return turnContext.SendActivityAsync(DraftReplies.List(turnContext.Activity, listed, drafts.Count), cancellationToken);
    }
}
