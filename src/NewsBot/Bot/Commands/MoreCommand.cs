using Microsoft.Bot.Builder;
using NewsBot.Bot.Replies;
using NewsBot.Knowledge;
using NewsBot.Knowledge.Answers;

namespace NewsBot.Bot.Commands;

/// <summary><c>more</c>: the next results of the last question asked in this conversation.</summary>
public sealed class MoreCommand(IKnowledgeBase knowledge, ReplyFactory replies, ConversationMemory memory) : IBotCommand
{
    public const int PerPage = 3;

    public string Name => "more";

    public string Usage => "more";

    /// <summary>Nothing: "more" followed by words is a question.</summary>
    public bool Takes(string arguments) => arguments.Length == 0;

    public string Description => "more results for the last question";

    public async Task ExecuteAsync(ITurnContext turnContext, string arguments, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var last = await memory.LastQuestionAsync(turnContext, cancellationToken).ConfigureAwait(false);
        if (last is null)
        {
            await turnContext.SendActivityAsync(replies.Text(turnContext.Activity, "Ask me a question first; `more` then shows further results for it."), cancellationToken).ConfigureAwait(false);
            return;
        }

        var answer = knowledge.Ask(last.Question, new AskOptions(Top: PerPage, Skip: last.Shown, Related: false));
        if (!answer.Answered || answer.Results.Count == 0)
        {
            await turnContext.SendActivityAsync(replies.Text(turnContext.Activity, $"That's all I have in the curated news on “{last.Question}”."), cancellationToken).ConfigureAwait(false);
            return;
        }

        await turnContext.SendActivityAsync(replies.MoreResults(turnContext.Activity, answer), cancellationToken).ConfigureAwait(false);
        await memory.SetLastQuestionAsync(turnContext, last with { Shown = last.Shown + answer.Results.Count }, cancellationToken).ConfigureAwait(false);
    }
}
