using Microsoft.Bot.Schema;
using NewsBot.Bot.Replies;
using Newtonsoft.Json.Linq;

namespace NewsBot.Slack;

/// <summary>The <c>chat.postMessage</c> payload (<c>text</c> plus Block Kit <c>blocks</c>) of what a turn sent to Slack.</summary>
internal static class SlackPayload
{
    /// <summary>One Slack message of a turn's replies: their blocks in order, their texts joined.</summary>
    public static JObject Of(IReadOnlyList<IMessageActivity> replies)
    {
        ArgumentNullException.ThrowIfNull(replies);
        if (replies.Count == 1)
        {
            return Of(replies[0]);
        }

        var all = replies.Select(Of).ToList();
        var text = string.Join("\n\n", all.Select(m => m.Value<string>("text")).Where(t => !string.IsNullOrEmpty(t)));
        return SlackMessage.ChannelData(text, new JArray(all.SelectMany(m => m["blocks"] as JArray ?? [])));
    }

    /// <summary>A reply's payload: its channelData when the renderer wrote Block Kit, else its text in one section.</summary>
    public static JObject Of(IMessageActivity reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.ChannelData is JObject channelData && channelData["blocks"] is JArray)
        {
            return (JObject)channelData.DeepClone();
        }

        var text = SlackMessage.Escape(reply.Text ?? string.Empty);
        return SlackMessage.ChannelData(text, [SlackMessage.Section(text)]);
    }
}
