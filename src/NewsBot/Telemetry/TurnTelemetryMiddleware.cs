using System.Diagnostics;
using Microsoft.Bot.Builder;
using BotActivity = Microsoft.Bot.Schema.Activity;
using ResourceResponse = Microsoft.Bot.Schema.ResourceResponse;

namespace NewsBot.Telemetry;

/// <summary>
/// Bot Framework middleware: the turn's pipeline has started, so the <c>receive</c> step (reading and authenticating
/// the request, see <see cref="TelemetryHostingExtensions"/>) ends here; the turn is tagged with its channel, activity
/// and conversation type; and every batch of activities the turn posts is a <c>send</c> span. Proactive turns
/// (digests) get the <c>send</c> spans too, under their <c>digest.deliver</c>.
/// </summary>
internal sealed class TurnTelemetryMiddleware : Microsoft.Bot.Builder.IMiddleware
{
    public async Task OnTurnAsync(ITurnContext turnContext, NextDelegate next, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(turnContext);
        ArgumentNullException.ThrowIfNull(next);
        if (Activity.Current is { OperationName: NewsBotTelemetry.Receive } receive)
        {
            receive.Stop();
        }

        if (Activity.Current is { OperationName: NewsBotTelemetry.Turn } turn)
        {
            var activity = turnContext.Activity;
            turn.DisplayName = $"turn {activity.Type}";
            turn.SetTag("newsbot.channel", activity.ChannelId);
            turn.SetTag("newsbot.activity.type", activity.Type);
            turn.SetTag("newsbot.conversation.type", Bot.Channels.ConversationType(activity));
        }

        turnContext.OnSendActivities(SendAsync);
        await next(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<ResourceResponse[]> SendAsync(ITurnContext turnContext, List<BotActivity> activities, Func<Task<ResourceResponse[]>> next)
    {
        using var span = NewsBotTelemetry.Source.StartActivity(NewsBotTelemetry.Send, ActivityKind.Client);
        span?.SetTag("newsbot.activities", activities.Count);
        return await next().ConfigureAwait(false);
    }
}
