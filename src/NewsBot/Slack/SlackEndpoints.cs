using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;
using NewsBot.Bot.Replies;
using Newtonsoft.Json.Linq;

namespace NewsBot.Slack;

/// <summary>
/// Slack's three request URLs: Events API (<c>/api/slack</c>), the <c>/ainews</c> slash command and interactivity.
/// Every request is verified first (404 while Slack is off, 401 unsigned); events are acknowledged at once and answered
/// in the background. Questions and commands run as turns of the bot (<see cref="SlackTurn"/>), like every channel's.
/// </summary>
internal static partial class SlackEndpoints
{
    public const string ShareActionId = "newsbot_share";

    /// <summary>Slack's limit for a button's value.</summary>
    private const int MaxButtonValue = 2000;

    public static async Task<IResult> EventsAsync(HttpRequest request, SlackRequestReader reader, SlackReplyQueue queue, ILogger<SlackRequestReader> logger, CancellationToken cancellationToken)
    {
        var (body, refusal) = await reader.ReadVerifiedAsync(request, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return refusal!;
        }

        using var json = Parse(body, request.Path, logger);
        if (json is null)
        {
            return Results.BadRequest();
        }

        var root = json.RootElement;
        switch (String(root, "type"))
        {
            case "url_verification":
                return Results.Json(new { challenge = String(root, "challenge") });
            case "event_callback" when root.TryGetProperty("event", out var slackEvent) && String(root, "event_id") is { } eventId:
                if (Question(slackEvent, BotUserId(root)) is not { } work)
                {
                    return Results.Ok();
                }

                // Stored before Slack gets its 200: a replica that dies now leaves the question to the others. A question
                // the queue refused is not remembered: it is Slack's to send again, and is answered then.
                switch (await queue.AcceptAsync(eventId, work, cancellationToken).ConfigureAwait(false))
                {
                    case SlackAcceptance.Repeat:
                        Log.Retry(logger, eventId);
                        return Results.Ok();
                    case SlackAcceptance.Full:
                        Log.QueueFull(logger, work.Channel);
                        return Busy();
                    default:
                        return Results.Ok();
                }
            default:
                return Results.Ok();
        }
    }

    /// <summary><c>/ainews &lt;question&gt;</c>: the answer, visible only to the asker, with a "Share in channel" button.</summary>
    public static async Task<IResult> CommandAsync(HttpRequest request, SlackRequestReader reader, SlackTurn turn, CancellationToken cancellationToken)
    {
        var (body, refusal) = await reader.ReadVerifiedAsync(request, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return refusal!;
        }

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        var question = Field(form, "text")?.Trim() ?? string.Empty;
        var work = new SlackReplyWork(Field(form, "channel_id") ?? "slash", null, question, "slash", User: Field(form, "user_id"));
        if (await turn.ReplyAsync(work, cancellationToken).ConfigureAwait(false) is not { } message)
        {
            return Results.Ok();
        }

        message["response_type"] = "ephemeral";
        if (question.Length > 0 && question.Length <= MaxButtonValue && message["blocks"] is JArray blocks)
        {
            blocks.Add(ShareButton(question));
        }

        return Results.Text(message.ToString(Newtonsoft.Json.Formatting.None), "application/json", Encoding.UTF8);
    }

    /// <summary>
    /// Interactivity: the "Share in channel" button posts the answer in the channel, naming who shared it. One action
    /// per payload (a click is one action), once per action and message: a replayed or repeated click posts nothing.
    /// </summary>
    public static async Task<IResult> InteractivityAsync(HttpRequest request, SlackRequestReader reader, SlackReplyQueue queue, ILogger<SlackRequestReader> logger, CancellationToken cancellationToken)
    {
        var (body, refusal) = await reader.ReadVerifiedAsync(request, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return refusal!;
        }

        var form = QueryHelpers.ParseQuery(Encoding.UTF8.GetString(body));
        if (!form.TryGetValue("payload", out var payloadText))
        {
            Log.Malformed(logger, request.Path, "no payload field");
            return Results.BadRequest();
        }

        using var payload = Parse(Encoding.UTF8.GetBytes(payloadText.ToString()), request.Path, logger);
        if (payload is null)
        {
            return Results.BadRequest();
        }

        var root = payload.RootElement;
        if (String(root, "type") != "block_actions" || !root.TryGetProperty("actions", out var actions) || actions.ValueKind != JsonValueKind.Array)
        {
            return Results.Ok();
        }

        var channel = root.TryGetProperty("channel", out var channelElement) ? String(channelElement, "id") : null;
        var user = root.TryGetProperty("user", out var userElement) ? String(userElement, "id") : null;
        var share = actions.EnumerateArray().FirstOrDefault(a => String(a, "action_id") == ShareActionId);
        if (share.ValueKind != JsonValueKind.Object || String(share, "value") is not { Length: > 0 } question || channel is null)
        {
            return Results.Ok();
        }

        var key = $"action:{channel}:{MessageTs(root) ?? String(share, "action_ts") ?? question}:{ShareActionId}";
        var who = user is not null && SlackUserId().IsMatch(user) ? $"<@{user}> asked" : "Shared";
        var work = new SlackReplyWork(channel, null, question, "slash", $"{who}: “{SlackMessage.Escape(question)}”", user);
        switch (await queue.AcceptAsync(key, work, cancellationToken).ConfigureAwait(false))
        {
            case SlackAcceptance.Repeat:
                Log.RepeatedAction(logger, ShareActionId);
                return Results.Ok();
            case SlackAcceptance.Full:
                Log.QueueFull(logger, channel);
                return Busy();
            default:
                return Results.Ok();
        }
    }

    /// <summary>The question in an <c>app_mention</c> or a direct message from a person; null for anything else.</summary>
    internal static SlackReplyWork? Question(JsonElement slackEvent, string? botUserId)
    {
        var type = String(slackEvent, "type");
        var channelType = String(slackEvent, "channel_type");
        var isMention = type == "app_mention";
        var isDirect = type == "message" && channelType == "im";
        if (!(isMention || isDirect)
            || slackEvent.TryGetProperty("bot_id", out _)
            || slackEvent.TryGetProperty("subtype", out _)
            || String(slackEvent, "user") is not { } user
            || user == botUserId
            || String(slackEvent, "channel") is not { } channel)
        {
            return null;
        }

        var text = Unescape(Mention().Replace(String(slackEvent, "text") ?? string.Empty, string.Empty)).Trim();

        // A mention in a channel is answered in its thread; a direct message only when it was itself in a thread.
        var threadTs = String(slackEvent, "thread_ts") ?? (isMention ? String(slackEvent, "ts") : null);
        return new SlackReplyWork(channel, threadTs, text, isMention ? "channel" : "im", User: user, BotUser: botUserId);
    }

    /// <summary>The JSON of a signed body; null (logged, answered 400) when it is not JSON or nests deeper than 64.</summary>
    private static JsonDocument? Parse(byte[] body, string path, ILogger logger)
    {
        try
        {
            return JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            Log.Malformed(logger, path, "not JSON: " + e.GetType().Name);
            return null;
        }
    }

    /// <summary>503 with Retry-After: Slack retries an event it did not get a 2xx for.</summary>
    private static IResult Busy() => new BusyResult();

    /// <summary>The message the clicked button sits on: <c>container.message_ts</c>, else <c>message.ts</c>.</summary>
    private static string? MessageTs(JsonElement root) =>
        (root.TryGetProperty("container", out var container) ? String(container, "message_ts") : null)
        ?? (root.TryGetProperty("message", out var message) ? String(message, "ts") : null);

    private static JObject ShareButton(string question) => new()
    {
        ["type"] = "actions",
        ["elements"] = new JArray
        {
            new JObject
            {
                ["type"] = "button",
                ["action_id"] = ShareActionId,
                ["text"] = new JObject { ["type"] = "plain_text", ["text"] = "Share in channel" },
                ["value"] = question,
            },
        },
    };

    private static string? Field(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> form, string name) =>
        form.TryGetValue(name, out var value) && value.Count > 0 ? value.ToString() : null;

    private static string? BotUserId(JsonElement root) =>
        root.TryGetProperty("authorizations", out var authorizations) && authorizations.ValueKind == JsonValueKind.Array && authorizations.GetArrayLength() > 0
            ? String(authorizations[0], "user_id")
            : null;

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Unescape(string text) =>
        text.Replace("&lt;", "<", StringComparison.Ordinal).Replace("&gt;", ">", StringComparison.Ordinal).Replace("&amp;", "&", StringComparison.Ordinal);

    [GeneratedRegex(@"<@[A-Z0-9]+(\|[^>]*)?>")]
    private static partial Regex Mention();

    /// <summary>Slack user ids (U…, W…): anything else is not put into a mention.</summary>
    [GeneratedRegex("^[UW][A-Z0-9]{1,20}$")]
    private static partial Regex SlackUserId();

    private sealed class BusyResult : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            httpContext.Response.Headers.RetryAfter = "1";
            return Task.CompletedTask;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 81, Level = LogLevel.Information, Message = "Ignored Slack's retry of event {EventId}")]
        public static partial void Retry(ILogger logger, string eventId);

        [LoggerMessage(EventId = 83, Level = LogLevel.Warning, Message = "Slack reply queue is full: answered 503 for a question from channel {Channel}, so Slack sends it again (Slack:QueueCapacity, per replica)")]
        public static partial void QueueFull(ILogger logger, string channel);

        [LoggerMessage(EventId = 88, Level = LogLevel.Warning, Message = "Rejected a signed Slack request to {Path}: {Reason}")]
        public static partial void Malformed(ILogger logger, string path, string reason);

        [LoggerMessage(EventId = 90, Level = LogLevel.Information, Message = "Ignored a repeated Slack click on {ActionId} (same action on the same message)")]
        public static partial void RepeatedAction(ILogger logger, string actionId);
    }
}
