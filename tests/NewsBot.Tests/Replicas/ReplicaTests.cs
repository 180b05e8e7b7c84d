using NewsBot.Bot.Replies;
using NewsBot.Storage;
using Newtonsoft.Json.Linq;

namespace NewsBot.Tests.Replicas;

/// <summary>
/// What a user did through one replica holds when the next turn lands on another: two bots on one PostgreSQL schema
/// and one knowledge folder, each with its own index, talked to through /api/messages.
/// </summary>
public sealed class ReplicaTests
{
    [Fact]
    public async Task DigestOn_ThroughOneReplica_ShowsInDigestStatus_ThroughAnother()
    {
        await using var replicas = await ReplicaSet.StartAsync(2);

        var subscribed = await replicas.AskAsync(0, "digest on 07:45 Europe/Berlin");
        var status = await replicas.AskAsync(1, "digest status");

        Assert.Contains("Subscribed", subscribed["text"]!.ToString(), StringComparison.Ordinal);
        Assert.Contains("07:45", status["text"]!.ToString(), StringComparison.Ordinal);
        Assert.Contains("Europe/Berlin", status["text"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DigestOff_ThroughAnotherReplica_EndsTheSubscription()
    {
        await using var replicas = await ReplicaSet.StartAsync(2);
        await replicas.AskAsync(0, "digest on 07:45 UTC");

        await replicas.AskAsync(1, "digest off");
        var status = await replicas.AskAsync(0, "digest status");

        Assert.Contains("has no digest", status["text"]!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_ThroughAnotherReplica_ContinuesTheQuestionAskedThroughTheFirst()
    {
        await using var replicas = await ReplicaSet.StartAsync(2);

        var answer = await replicas.AskAsync(0, "Is Phi-2 licensed for commercial use?");
        var more = await replicas.AskAsync(1, "more");

        Assert.Contains(TestKnowledge.PhiMitUrl, answer.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Ask me a question first", more.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuestionsAndFeedback_OfEveryReplica_AreInTheOneDatabase()
    {
        await using var replicas = await ReplicaSet.StartAsync(2);

        await replicas.AskAsync(0, "What did the Vatican say about quantum gardening?");
        await replicas.AskAsync(1, "what did the vatican say about quantum gardening?");
        var thanks = await replicas.AskAsync(1, string.Empty, value: new JObject { [AnswerCard.FeedbackKey] = "dislike", ["question"] = "q", ["articleId"] = "a" });

        var gaps = await replicas.Services(0).GetRequiredService<IQuestionLog>().UnansweredSinceAsync(DateTimeOffset.UnixEpoch, 10, CancellationToken.None);
        Assert.Equal(2, Assert.Single(gaps).Count);
        Assert.Equal("Thanks for the feedback!", thanks["text"]!.ToString());
        var feedback = await replicas.Services(0).GetRequiredService<IFeedbackStore>().RecentAsync(10, CancellationToken.None);
        Assert.Equal("dislike", Assert.Single(feedback).Reaction);
    }
}
