using System.Text;
using Microsoft.Bot.Builder;

namespace NewsBot.Curation.Commands;

/// <summary><c>publish &lt;draft&gt;</c> (the Publish button): moves a draft that lints clean into the collection.</summary>
internal sealed partial class PublishDraftCommand(CurationServices services) : CuratorCommand(services)
{
    public override string Name => "publish";

    public override string Usage => "publish <draft>";

    public override string Description => "publish a reviewed draft (curators)";

    public static bool IsDraftId(string arguments) => arguments.Length > 0 && !arguments.Contains(' ', StringComparison.Ordinal) && arguments.Contains('/', StringComparison.Ordinal);

    protected override bool IsCommand(string arguments) => IsDraftId(arguments);

    protected override Task RunAsync(ITurnContext turnContext, string arguments, CancellationToken cancellationToken)
    {
        var title = Services.Desk.FindDraft(arguments)?.Title;
        var result = Services.Desk.PublishDraft(arguments);
        if (result.Published)
        {
            var path = Services.Relative(result.Path!);
            Log.Published(Services.Logger, arguments, path);
            return turnContext.SendActivityAsync(MessageFactory.Text($"Published “{title}” as `{path}`. It is answerable within a few seconds."), cancellationToken);
        }

        var text = new StringBuilder("Not published: ").Append(result.Message.Replace(Services.Desk.KnowledgePath + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal)).Append('.');
        foreach (var problem in result.Problems)
        {
            text.Append("\n\n- ").Append(DraftText.Finding(problem));
        }

        return turnContext.SendActivityAsync(MessageFactory.Text(text.ToString()), cancellationToken);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 142, Level = LogLevel.Information, Message = "Curator published draft {Draft} as {Path}")]
        public static partial void Published(ILogger logger, string draft, string path);
    }
}
