using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using NewsBot.Bot.Replies;
using NewsBot.Knowledge;
using NewsBot.Knowledge.Answers;
using NewsBot.Storage;
using NewsBot.Telemetry;

namespace NewsBot.Bot.Commands;

/// <summary>Anything that is not a command: answer it from the collection, log it, remember it for "more".</summary>
public sealed class QuestionCommand(IKnowledgeBase knowledge, ReplyFactory replies, ConversationMemory memory, IQuestionLog log, TimeProvider time, NewsBotMetrics metrics)
{
    public async Task ExecuteAsync(ITurnContext turnContext, string question, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (string.IsNullOrWhiteSpace(question))
        {
            await turnContext.SendActivityAsync(replies.EmptyQuestion(turnContext.Activity), cancellationToken).ConfigureAwait(false);
            return;
        }

        var started = time.GetTimestamp();
        var answer = knowledge.Ask(question, new AskOptions(Top: ReplyFactory.ResultsPerAnswer, Related: false));
        var activity = turnContext.Activity;
        var top = answer.Answered ? answer.Results[0].Article.Id : (answer.Closest.Count > 0 ? answer.Closest[0].Id : null);
        await log.RecordAsync(
            new QuestionRecord(time.GetUtcNow(), activity.ChannelId ?? "unknown", Channels.ConversationType(activity), question, answer.Answered, top, answer.Confidence) { AsksForNews = answer.AsksForNews },
            cancellationToken).ConfigureAwait(false);

        IMessageActivity reply;
        using (NewsBotTelemetry.Source.StartActivity(NewsBotTelemetry.Render))
        {
            reply = replies.Answer(activity, answer);
        }

        var sent = await turnContext.SendActivityAsync(reply, cancellationToken).ConfigureAwait(false);
        metrics.Answered(activity.ChannelId ?? "unknown", answer, time.GetElapsedTime(started));
        await memory.SetLastQuestionAsync(turnContext, new LastQuestion(question, answer.Answered ? 1 : 0), cancellationToken).ConfigureAwait(false);
        if (answer.Answered)
        {
            await memory.RememberAnswerAsync(turnContext, sent?.Id, question, top, cancellationToken).ConfigureAwait(false);
        }
    }
}
