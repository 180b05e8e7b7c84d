using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsBot.Slack;

/// <summary>
/// A question accepted from Slack, to be answered after the request was acknowledged. Stored as JSON
/// (<see cref="ToJson"/>) in the reply queue's table until its answer is posted.
/// </summary>
/// <param name="ThreadTs">The thread to reply in, or null for a top-level message.</param>
/// <param name="ConversationType">"channel" (a mention), "im" (a direct message) or "slash" (the slash command or its share button).</param>
/// <param name="Preface">Mrkdwn shown above the answer (e.g. who shared it), or null.</param>
/// <param name="User">The Slack user who asked, when Slack said.</param>
/// <param name="BotUser">The bot's own Slack user id, when Slack said.</param>
internal sealed record SlackReplyWork(string Channel, string? ThreadTs, string Question, string ConversationType, string? Preface = null, string? User = null, string? BotUser = null)
{
    public string ToJson() => JsonSerializer.Serialize(this, SlackReplyWorkJson.Default.SlackReplyWork);

    /// <summary>The work stored by <see cref="ToJson"/>; throws <see cref="JsonException"/> for anything else.</summary>
    public static SlackReplyWork FromJson(string json) =>
        JsonSerializer.Deserialize(json, SlackReplyWorkJson.Default.SlackReplyWork) ?? throw new JsonException("Slack reply work is null.");
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SlackReplyWork))]
internal sealed partial class SlackReplyWorkJson : JsonSerializerContext;
