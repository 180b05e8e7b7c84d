using Microsoft.Bot.Schema;
using Newtonsoft.Json;

namespace NewsBot.Digests;

/// <summary>How a conversation is named and addressed for its digest.</summary>
internal static class DigestConversation
{
    /// <summary>"{channel}:{conversation id}", with a Teams channel thread's ";messageid=" cut off so the whole channel subscribes once.</summary>
    public static string Key(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return $"{activity.ChannelId}:{ConversationId(activity.Conversation?.Id)}";
    }

    /// <summary>The reference to continue the conversation with: digests go to the channel, not into the thread the command was typed in.</summary>
    public static string ReferenceJson(IActivity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        var reference = activity.GetConversationReference();
        reference.ActivityId = null;
        if (reference.Conversation is not null)
        {
            reference.Conversation.Id = ConversationId(reference.Conversation.Id);
        }

        return JsonConvert.SerializeObject(reference);
    }

    public static ConversationReference Reference(string json) =>
        JsonConvert.DeserializeObject<ConversationReference>(json) ?? throw new InvalidOperationException("A stored conversation reference is empty.");

    private static string ConversationId(string? id)
    {
        if (string.IsNullOrEmpty(id))
        {
            return string.Empty;
        }

        var thread = id.IndexOf(";messageid=", StringComparison.OrdinalIgnoreCase);
        return thread < 0 ? id : id[..thread];
    }
}
