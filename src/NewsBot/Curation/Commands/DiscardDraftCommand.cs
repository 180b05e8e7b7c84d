using Microsoft.Bot.Builder;

namespace NewsBot.Curation.Commands;

/// <summary><c>discard &lt;draft&gt;</c> (the Discard button): deletes a draft.</summary>
internal sealed class DiscardDraftCommand(CurationServices services) : CuratorCommand(services)
{
    public override string Name => "discard";

    public override string Usage => "discard <draft>";

    public override string Description => "delete a draft (curators)";

    protected override bool IsCommand(string arguments) => PublishDraftCommand.IsDraftId(arguments);

    protected override Task RunAsync(ITurnContext turnContext, string arguments, CancellationToken cancellationToken)
    {
        var text = Services.Desk.Discard(arguments)
            ? $"Discarded the draft `{arguments}`."
            : $"There is no draft `{arguments}` (published or discarded already?).";
        return turnContext.SendActivityAsync(MessageFactory.Text(text), cancellationToken);
    }
}
