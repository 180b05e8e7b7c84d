using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using NewsBot.Bot.Replies;
using NewsBot.Storage;
using Newtonsoft.Json.Linq;

namespace NewsBot.Bot;

/// <summary>
/// Stores 👍/👎 on answers with the question and the answered article: from the card buttons (Web Chat and
/// other channels) and from Teams' own feedback buttons (the <c>message/submitAction</c> invoke).
/// </summary>
public sealed class FeedbackHandler(IFeedbackStore store, ConversationMemory memory, TimeProvider time)
{
    public const string TeamsFeedbackInvoke = "message/submitAction";
    public const string ThanksText = "Thanks for the feedback!";

    /// <summary>A message carrying a card's feedback button data rather than text.</summary>
    public static bool IsCardFeedback(IMessageActivity activity) =>
        activity?.Value is JObject value && value[AnswerCard.FeedbackKey] is not null;

    public async Task HandleCardFeedbackAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var value = (JObject)turnContext.Activity.Value;
        var reaction = value.Value<string>(AnswerCard.FeedbackKey) is "dislike" ? "dislike" : "like";
        await store.RecordAsync(
            new FeedbackRecord(time.GetUtcNow(), turnContext.Activity.ChannelId ?? "unknown", Channels.ConversationType(turnContext.Activity), value.Value<string>("question") ?? string.Empty, value.Value<string>("articleId"), reaction, null),
            cancellationToken).ConfigureAwait(false);
        await turnContext.SendActivityAsync(MessageFactory.Text(ThanksText), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Teams sends <c>{"actionName":"feedback","actionValue":{"reaction":"like","feedback":"{\"feedbackText\":\"…\"}"}}</c>
    /// with replyToId naming the answer message; the question and article come from conversation memory.
    /// </summary>
    public async Task HandleTeamsFeedbackAsync(ITurnContext turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var value = turnContext.Activity.Value as JObject;
        var action = value?["actionValue"] as JObject;
        var reaction = action?.Value<string>("reaction") is "dislike" ? "dislike" : "like";
        var comment = FeedbackText(action?.Value<string>("feedback"));
        var answered = await memory.FindAnswerAsync(turnContext, turnContext.Activity.ReplyToId, cancellationToken).ConfigureAwait(false);
        await store.RecordAsync(
            new FeedbackRecord(time.GetUtcNow(), turnContext.Activity.ChannelId ?? "unknown", Channels.ConversationType(turnContext.Activity), answered?.Question ?? string.Empty, answered?.ArticleId, reaction, comment),
            cancellationToken).ConfigureAwait(false);
    }

    private static string? FeedbackText(string? feedback)
    {
        if (string.IsNullOrWhiteSpace(feedback))
        {
            return null;
        }

        try
        {
            return JObject.Parse(feedback).Value<string>("feedbackText") ?? feedback;
        }
        catch (Newtonsoft.Json.JsonReaderException)
        {
            return feedback;
        }
    }
}
