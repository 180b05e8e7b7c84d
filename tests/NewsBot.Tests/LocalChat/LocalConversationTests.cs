using Microsoft.Bot.Schema;
using NewsBot.LocalChat;

namespace NewsBot.Tests.LocalChat;

public sealed class LocalConversationTests
{
    private static readonly DateTimeOffset Now = new(2024, 1, 7, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Append_AssignsIdsInOrder_AndTheTimestamp()
    {
        var conversation = Conversation();

        var first = conversation.Append(Message("a"), Now);
        var second = conversation.Append(Message("b"), Now.AddSeconds(1));

        Assert.Equal("c1|0000001", first.Id);
        Assert.Equal("c1|0000002", second.Id);
        Assert.Equal(Now.AddSeconds(1), second.Timestamp);
    }

    [Theory]
    [InlineData(0, new[] { "a", "b", "c" })]
    [InlineData(1, new[] { "b", "c" })]
    [InlineData(3, new string[0])]
    public void Since_ReturnsOnlyActivitiesAfterTheWatermark(long watermark, string[] expected)
    {
        var conversation = Conversation();
        foreach (var text in new[] { "a", "b", "c" })
        {
            conversation.Append(Message(text), Now);
        }

        var (activities, next) = conversation.Since(watermark);

        Assert.Equal(expected, activities.Select(a => a.Text));
        Assert.Equal(3, next);
    }

    [Fact]
    public void Append_DropsTheOldest_BeyondTheBound()
    {
        var conversation = Conversation(maxActivities: 2);

        foreach (var text in new[] { "a", "b", "c" })
        {
            conversation.Append(Message(text), Now);
        }

        Assert.Equal(["b", "c"], conversation.Since(0).Activities.Select(a => a.Text));
    }

    [Fact]
    public void Replace_DeliversTheUpdateAfterTheWatermark_KeepingIdAndTimestamp()
    {
        var conversation = Conversation();
        var original = conversation.Append(Message("draft"), Now);
        conversation.Append(Message("other"), Now);
        var (_, watermark) = conversation.Since(0);

        var replaced = conversation.Replace(new Activity(ActivityTypes.Message) { Id = original.Id, Text = "final" }, Now.AddMinutes(1));

        Assert.True(replaced);
        var (after, _) = conversation.Since(watermark);
        var update = Assert.Single(after);
        Assert.Equal(original.Id, update.Id);
        Assert.Equal("final", update.Text);
        Assert.Equal(Now, update.Timestamp);
        Assert.Equal(2, conversation.Since(0).Activities.Count);
    }

    [Fact]
    public void ReplaceAndRemove_AreFalse_ForAnUnknownActivity()
    {
        var conversation = Conversation();

        Assert.False(conversation.Replace(new Activity(ActivityTypes.Message) { Id = "c1|0000009" }, Now));
        Assert.False(conversation.Remove("c1|0000009"));
    }

    [Fact]
    public void MarkStarted_IsTrueOnlyTheFirstTime()
    {
        var conversation = Conversation();

        Assert.True(conversation.MarkStarted());
        Assert.False(conversation.MarkStarted());
    }

    private static LocalConversation Conversation(int maxActivities = 100) => new("c1", new ChannelAccount("user-1"), Now, maxActivities);

    private static Activity Message(string text) => new(ActivityTypes.Message) { Text = text };
}
