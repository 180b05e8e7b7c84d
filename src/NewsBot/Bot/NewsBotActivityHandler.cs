using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Teams;
using Microsoft.Bot.Schema;
using Microsoft.Bot.Schema.Teams;
using NewsBot.Bot.Commands;
using NewsBot.Bot.Replies;
using NewsBot.Bot.Teams;
using NewsBot.Digests;

namespace NewsBot.Bot;

/// <summary>
/// The bot only routes: messages go to the <see cref="CommandRouter"/>, card and Teams feedback to the
/// <see cref="FeedbackHandler"/>, the message extension to the <see cref="ArticleSearchHandler"/>, and a conversation
/// the bot joins is remembered and welcomed. Teams' invokes and installs come typed from
/// <see cref="TeamsActivityHandler"/>'s dispatch.
/// </summary>
public sealed class NewsBotActivityHandler(
    CommandRouter router,
    FeedbackHandler feedback,
    ConversationMemory memory,
    ReplyFactory replies,
    ArticleSearchHandler articleSearch,
    IInstallations installations,
    TimeProvider time) : TeamsActivityHandler
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
    /// Teams: the bot installed in a team, a group chat or a personal scope, through <see cref="TeamsActivityHandler"/>'s
    /// typed dispatch. Only the bot's own arrival matters, so the base's lookup of every other new member is skipped.
    /// </summary>
    protected override Task OnTeamsMembersAddedDispatchAsync(IList<ChannelAccount> membersAdded, TeamInfo teamInfo, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        IncludesBot(membersAdded, turnContext) ? InstalledAsync(turnContext, cancellationToken) : Task.CompletedTask;

    /// <summary>Teams: the bot uninstalled or removed from the conversation.</summary>
    protected override Task OnTeamsMembersRemovedDispatchAsync(IList<ChannelAccount> membersRemoved, TeamInfo teamInfo, ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        IncludesBot(membersRemoved, turnContext) ? RemovedAsync(turnContext, cancellationToken) : Task.CompletedTask;

    /// <summary>
    /// Other channels (Slack through Azure Bot Service, Web Chat): the SDK's member callbacks fire only when someone other
    /// than the bot joined or left, so the bot's own arrival and departure are read here; Teams goes to its typed dispatch.
    /// </summary>
    protected override async Task OnConversationUpdateActivityAsync(ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        var activity = turnContext.Activity;
        if (!Channels.IsTeams(activity.ChannelId) && IncludesBot(activity.MembersAdded, turnContext))
        {
            await InstalledAsync(turnContext, cancellationToken).ConfigureAwait(false);
            return;
        }

        if (!Channels.IsTeams(activity.ChannelId) && IncludesBot(activity.MembersRemoved, turnContext))
        {
            await RemovedAsync(turnContext, cancellationToken).ConfigureAwait(false);
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

    /// <summary>The "Search AI news" message extension: Teams' query, typed by the SDK.</summary>
    protected override Task<MessagingExtensionResponse> OnTeamsMessagingExtensionQueryAsync(ITurnContext<IInvokeActivity> turnContext, MessagingExtensionQuery query, CancellationToken cancellationToken) =>
        Task.FromResult(articleSearch.Handle(query));

    /// <summary>
    /// Teams' own 👍/👎 (<c>message/submitAction</c>), the one invoke matched by name: Microsoft.Bot.Builder 4.23.1 has no
    /// typed override for it (neither ActivityHandler's nor TeamsActivityHandler's dispatch knows that invoke name, and
    /// TeamsDispatchTests fails when an SDK upgrade adds one). Every other invoke goes to
    /// <see cref="TeamsActivityHandler"/>'s dispatch.
    /// </summary>
    protected override async Task<InvokeResponse> OnInvokeActivityAsync(ITurnContext<IInvokeActivity> turnContext, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        if (turnContext.Activity.Name == FeedbackHandler.TeamsFeedbackInvoke)
        {
            await feedback.HandleTeamsFeedbackAsync(turnContext, cancellationToken).ConfigureAwait(false);
            return new InvokeResponse { Status = 200 };
        }

        return await base.OnInvokeActivityAsync(turnContext, cancellationToken).ConfigureAwait(false);
    }

    private static bool IncludesBot(IList<ChannelAccount>? members, ITurnContext turnContext) =>
        members?.Any(m => m.Id == turnContext.Activity.Recipient?.Id) == true;

    /// <summary>Remembers the conversation, so that it can be reached later (digests), and welcomes it.</summary>
    private async Task InstalledAsync(ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken)
    {
        var activity = turnContext.Activity;
        await installations.RecordInstalledAsync(
            new Installation(DigestConversation.Key(activity), activity.ChannelId ?? "unknown", Channels.ConversationType(activity), DigestConversation.ReferenceJson(activity), time.GetUtcNow()),
            cancellationToken).ConfigureAwait(false);
        await turnContext.SendActivityAsync(replies.Welcome(activity), cancellationToken).ConfigureAwait(false);
    }

    private Task RemovedAsync(ITurnContext<IConversationUpdateActivity> turnContext, CancellationToken cancellationToken) =>
        installations.RecordRemovedAsync(DigestConversation.Key(turnContext.Activity), time.GetUtcNow(), cancellationToken);
}
