using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using NewsBot.Bot.Commands;
using NewsBot.Bot.Replies;
using NewsBot.Bot.Teams;
using NewsBot.Digests;

namespace NewsBot.Bot;

/// <summary>
/// The bot only routes: messages go to the <see cref="CommandRouter"/>, card and Teams feedback to the
/// <see cref="FeedbackHandler"/>, and a conversation the bot joins gets the welcome message.
/// </summary>
public sealed class NewsBotActivityHandler(
    CommandRouter router,
    FeedbackHandler feedback,
    ConversationMemory memory,
    ReplyFactory replies,
    ArticleSearchHandler articleSearch,
    IInstallations installations,
    TimeProvider time) : ActivityHandler
{
    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (FeedbackHandler.IsCardFeedback(turnContext.Activity))
        {
            await feedback.HandleCardFeedbackAsync(turnContext, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (CardCommand.Of(turnContext.Activity) is { } command)
        {
            // A button on one of the bot's own cards (e.g. "Subscribe this channel"): in a Teams channel it
            // arrives without an @mention, and it is a command, never a question.
            await router.RouteAsync(turnContext, command, cancellationToken).ConfigureAwait(false);
            await memory.SaveAsync(turnContext, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!MessageText.IsAddressedToBot(turnContext.Activity))
        {
            return;
        }

        await router.RouteAsync(turnContext, MessageText.Question(turnContext.Activity), cancellationToken).ConfigureAwait(false);
        await memory.SaveAsync(turnContext, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The bot itself joining or leaving a conversation (a Teams install or uninstall) is handled here: the SDK's
    /// member callbacks only fire when someone other than the bot was added or removed.
    /// </summary>
    protected override async Task OnConversationUpdateActivityAsync(ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        var botId = activity.Recipient?.Id;
        if (activity.MembersAdded?.Any(m => m.Id == botId) == true)
        {
            // Remember the conversation on install, so that it can be reached later (digests).
            await installations.RecordInstalledAsync(
                new Installation(DigestConversation.Key(activity), activity.ChannelId ?? "unknown", Channels.ConversationType(activity), DigestConversation.ReferenceJson(activity), time.GetUtcNow()),
                cancellationToken).ConfigureAwait(false);
            await turnContext.SendActivityAsync(replies.Welcome(activity), cancellationToken).ConfigureAwait(false);
            return;
        }

        if (activity.MembersRemoved?.Any(m => m.Id == botId) == true)
        {
            await installations.RecordRemovedAsync(DigestConversation.Key(activity), time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return;
        }

        await base.OnConversationUpdateActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A user opening a chat page (Web Chat, the local page) gets the welcome.</summary>
    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (Channels.ShowsWelcomeToUsers(turnContext.Activity.ChannelId))
        {
            await turnContext.SendActivityAsync(replies.Welcome(turnContext.Activity), cancellationToken).ConfigureAwait(false);
        }
    }

    protected override async Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext<IInvokeActivity> turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.Activity.Name == FeedbackHandler.TeamsFeedbackInvoke)
        {
            await feedback.HandleTeamsFeedbackAsync(turnContext, cancellationToken).ConfigureAwait(false);
            return new InvokeResponse { Status = 200 };
        }

        if (turnContext.Activity.Name == ArticleSearchHandler.InvokeName)
        {
            return articleSearch.Handle(turnContext);
        }

        return await base.OnInvokeActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
    }
}
