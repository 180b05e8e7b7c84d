using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using NewsBot.Bot.Commands;
using NewsBot.Bot.Replies;
using NewsBot.Bot.Teams;

namespace NewsBot.Bot;

/// <summary>
/// The bot only routes: messages go to the <see cref="CommandRouter"/>, card and Teams feedback to the
/// <see cref="FeedbackHandler"/>, and a conversation the bot joins gets the welcome message.
/// </summary>
public sealed class NewsBotActivityHandler(CommandRouter router, FeedbackHandler feedback, ConversationMemory memory, ReplyFactory replies, ArticleSearchHandler articleSearch) : ActivityHandler
{
    protected override async Task OnMessageActivityAsync(ITurnContext<IMessageActivity> turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (FeedbackHandler.IsCardFeedback(turnContext.Activity))
        {
            await feedback.HandleCardFeedbackAsync(turnContext, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!MessageText.IsAddressedToBot(turnContext.Activity))
        {
            return;
        }

        await router.RouteAsync(turnContext, MessageText.Question(turnContext.Activity), cancellationToken).ConfigureAwait(false);
        await memory.SaveAsync(turnContext, cancellationToken).ConfigureAwait(false);
    }

    protected override async Task OnMembersAddedAsync(IList<ChannelAccount> membersAdded, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(membersAdded);
        ArgumentNullException.ThrowIfNull(turnContext);
        var botId = turnContext.Activity.Recipient?.Id;
        var botJoined = membersAdded.Any(m => m.Id == botId);
        var userJoinedChat = !botJoined && membersAdded.Any(m => m.Id != botId) && Channels.ShowsWelcomeToUsers(turnContext.Activity.ChannelId);
        if (botJoined || userJoinedChat)
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
