using System.Globalization;
using Microsoft.Bot.Schema;
using NewsBot.Bot;
using NewsBot.Bot.Commands;
using NewsBot.Bot.Replies;
using NewsBot.Curation.Commands;
using NewsBot.Knowledge;
using NewsBot.Knowledge.Answers;
using NewsBot.Storage;
using NewsBot.Telemetry;
using Newtonsoft.Json.Linq;
using Connector = Microsoft.Bot.Connector.Channels;

namespace NewsBot.Slack;

/// <summary>
/// Turns a Slack question into a Slack message (<c>text</c> fallback plus Block Kit <c>blocks</c>) with the same
/// engine and Slack formatting the Bot Framework channel uses; <c>help</c> and <c>latest [n]</c> work here too, and
/// <c>digest …</c> manages the digest of the Slack channel it was typed in (mentions and DMs only).
/// </summary>
internal sealed class SlackAnswerer(IKnowledgeBase knowledge, ReplyFactory replies, IQuestionLog log, SlackDigestCommand digests, TimeProvider time, NewsBotMetrics metrics)
{
    /// <param name="conversationType">"channel", "im" or "slash": logged with the question, never a user name.</param>
    /// <param name="channel">The Slack channel the text was typed in, for <c>digest</c>; null for the slash command.</param>
    public async Task<JObject> ReplyAsync(string text, string conversationType, string? channel, CancellationToken cancellationToken)
    {
        var incoming = new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = Connector.Slack,
            Conversation = new ConversationAccount { ConversationType = conversationType },
            Text = text,
        };
        var question = text.Trim();
        var space = question.IndexOf(' ', StringComparison.Ordinal);
        var word = (space < 0 ? question : question[..space]).ToLowerInvariant();
        var arguments = space < 0 ? string.Empty : question[(space + 1)..].Trim();

        if (question.Length == 0)
        {
            return Message(replies.EmptyQuestion(incoming));
        }

        if (word == "help" && arguments.Length == 0)
        {
            return Message(replies.Help(incoming));
        }

        if (word == "digest" && channel is not null && conversationType is "channel" or "im")
        {
            var sent = await digests.RunAsync(channel, conversationType, arguments, cancellationToken).ConfigureAwait(false);
            return Merge(sent.Select(Message));
        }

        if (CurationCommandShape.Matches(word, arguments))
        {
            // Requests here carry no user id to check against the curators: curation is refused, and nothing fetched.
            return Message(replies.Text(incoming, CurationCommandShape.NotOnSlackDirect));
        }

        if (word == "latest")
        {
            var count = LatestCommand.DefaultCount;
            if (arguments.Length > 0 && (!int.TryParse(arguments, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > LatestCommand.MaxCount))
            {
                return Message(replies.Text(incoming, $"`latest` takes a number from 1 to {LatestCommand.MaxCount}, e.g. `latest 5`."));
            }

            var articles = knowledge.Latest(count);
            return Message(replies.ArticleList(incoming, $"The {articles.Count} newest articles", articles));
        }

        var started = time.GetTimestamp();
        var answer = knowledge.Ask(question, new AskOptions(Top: ReplyFactory.ResultsPerAnswer));
        var top = answer.Answered ? answer.Results[0].Article.Id : (answer.Closest.Count > 0 ? answer.Closest[0].Id : null);
        await log.RecordAsync(
            new QuestionRecord(time.GetUtcNow(), Connector.Slack, conversationType, question, answer.Answered, top, answer.Confidence),
            cancellationToken).ConfigureAwait(false);
        JObject message;
        using (NewsBotTelemetry.Source.StartActivity(NewsBotTelemetry.Render))
        {
            message = Message(replies.Answer(incoming, answer));
        }

        // Until the reply is built: its post to Slack is the reply service's, retried there.
        metrics.Answered(Connector.Slack, answer.Answered, answer.Confidence, time.GetElapsedTime(started));
        return message;
    }

    /// <summary>The Slack payload of a reply: its channelData when the factory wrote Block Kit, else its text in one section.</summary>
    internal static JObject Message(IMessageActivity reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.ChannelData is JObject channelData && channelData["blocks"] is JArray)
        {
            return (JObject)channelData.DeepClone();
        }

        var text = SlackMessage.Escape(reply.Text ?? string.Empty);
        return SlackMessage.ChannelData(text, [SlackMessage.Section(text)]);
    }

    /// <summary>One Slack message of several replies: their blocks in order, their texts joined.</summary>
    private static JObject Merge(IEnumerable<JObject> messages)
    {
        var all = messages.ToList();
        if (all.Count == 1)
        {
            return all[0];
        }

        var text = string.Join("\n\n", all.Select(m => m.Value<string>("text")).Where(t => !string.IsNullOrEmpty(t)));
        return SlackMessage.ChannelData(text, new JArray(all.SelectMany(m => m["blocks"] as JArray ?? [])));
    }
}
