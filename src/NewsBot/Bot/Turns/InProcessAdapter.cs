using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace NewsBot.Bot.Turns;

/// <summary>
/// Runs a turn of the bot in this process and hands back what it sent, for transports that are not Bot Framework
/// connectors (Slack reached directly): the activity goes through the same bot, middleware and
/// <see cref="Commands.CommandRouter"/> as every other channel, and the replies are kept for the transport to render
/// and post. Failures are the caller's: there is no connector to tell the user through.
/// </summary>
public sealed class InProcessAdapter(IBot bot) : BotAdapter
{
    private const string RepliesKey = "newsbot.inProcessReplies";

    /// <summary>The message replies of one turn of <paramref name="activity"/>, in the order the bot sent them.</summary>
    public async Task<IReadOnlyList<IMessageActivity>> RunAsync(Activity activity, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var replies = new List<IMessageActivity>();
        using var turn = new TurnContext(this, activity);
        turn.TurnState.Add(RepliesKey, replies);
        await RunPipelineAsync(turn, bot.OnTurnAsync, cancellationToken).ConfigureAwait(false);
        return replies;
    }

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(activities);
        var replies = turnContext.TurnState.Get<List<IMessageActivity>>(RepliesKey)
            ?? throw new InvalidOperationException("A turn of the in-process adapter was not started by RunAsync.");
        var responses = new ResourceResponse[activities.Length];
        for (var i = 0; i < activities.Length; i++)
        {
            var activity = activities[i];
            if (activity.Type == ActivityTypes.Message)
            {
                activity.Id ??= Guid.NewGuid().ToString("N");
                replies.Add(activity);
            }

            responses[i] = new ResourceResponse(activity.Id);
        }

        return Task.FromResult(responses);
    }

    public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Replies of an in-process turn are posted by its transport and cannot be updated.");

    public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) =>
        throw new NotSupportedException("Replies of an in-process turn are posted by its transport and cannot be deleted.");
}
