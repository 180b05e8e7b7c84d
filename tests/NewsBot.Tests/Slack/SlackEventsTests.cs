using System.Text.Json;
using NewsBot.Slack;

namespace NewsBot.Tests.Slack;

/// <summary>Which Slack events are questions, and what the question, channel and thread are.</summary>
public sealed class SlackEventsTests
{
    [Theory]
    [InlineData("""{"type":"app_mention","user":"U1","text":"<@UBOT> what is   Phi-2?","ts":"1.1","channel":"C1"}""", "what is   Phi-2?", "C1", "1.1", "channel")]
    [InlineData("""{"type":"app_mention","user":"U1","text":"<@UBOT|newsbot> Q&amp;A &lt;b&gt;","ts":"1.2","thread_ts":"1.0","channel":"C1"}""", "Q&A <b>", "C1", "1.0", "channel")]
    [InlineData("""{"type":"message","channel_type":"im","user":"U1","text":"latest","ts":"2.1","channel":"D1"}""", "latest", "D1", null, "im")]
    [InlineData("""{"type":"message","channel_type":"im","user":"U1","text":"more","ts":"2.2","thread_ts":"2.0","channel":"D1"}""", "more", "D1", "2.0", "im")]
    public void Question_ReadsTheQuestionAndWhereToReply(string json, string question, string channel, string? threadTs, string conversationType)
    {
        using var document = JsonDocument.Parse(json);

        var work = SlackEndpoints.Question(document.RootElement, "UBOT");

        Assert.Equal(new SlackReplyWork(channel, threadTs, question, conversationType, User: "U1", BotUser: "UBOT"), work);
    }

    [Theory]
    [InlineData("""{"type":"message","channel_type":"im","user":"UBOT","text":"my own reply","ts":"1","channel":"D1"}""")]
    [InlineData("""{"type":"message","channel_type":"im","bot_id":"B2","user":"U2","text":"another bot","ts":"1","channel":"D1"}""")]
    [InlineData("""{"type":"message","channel_type":"im","subtype":"bot_message","text":"a bot","ts":"1","channel":"D1"}""")]
    [InlineData("""{"type":"message","channel_type":"im","subtype":"message_changed","ts":"1","channel":"D1"}""")]
    [InlineData("""{"type":"message","channel_type":"channel","user":"U1","text":"not for the bot","ts":"1","channel":"C1"}""")]
    [InlineData("""{"type":"reaction_added","user":"U1","ts":"1"}""")]
    [InlineData("""{"type":"app_mention","user":"U1","text":"no channel","ts":"1"}""")]
    public void Question_Null_ForWhatIsNotAPersonsQuestion(string json)
    {
        using var document = JsonDocument.Parse(json);

        Assert.Null(SlackEndpoints.Question(document.RootElement, "UBOT"));
    }
}
