using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using NewsBot.Storage;
using Newtonsoft.Json.Linq;

namespace NewsBot.Tests.Bot;

public sealed class ConversationTests : IAsyncLifetime
{
    private const string PhiQuestion = "Is Phi-2 licensed for commercial use?";
    private BotTestHost _host = null!;

    public ValueTask InitializeAsync()
    {
        _host = new BotTestHost();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Question_GetsACardWithThePassageAndTheSourceLink()
    {
        await _host.Conversation()
            .Send(PhiQuestion)
            .AssertReply(reply =>
            {
                var card = BotTestHost.CardJson(reply);
                Assert.Contains("\"version\":\"1.5\"", card);
                Assert.Contains("Microsoft moves Phi-2 to the MIT licence", card);
                Assert.Contains("Action.OpenUrl", card);
                Assert.Contains(TestKnowledge.PhiMitUrl, card);
                Assert.Contains("Older coverage", card);
                Assert.Contains("12 Dec 2023", card);
                // One message: the card says the answer once; the text a notification shows is the summary, not chat text.
                var message = (IMessageActivity)reply;
                Assert.True(string.IsNullOrEmpty(message.Text), message.Text);
                Assert.Contains("commercial use", message.Summary);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task Question_IsAnsweredPlainly_WhenTheCollectionDoesNotCoverIt()
    {
        await _host.Conversation()
            .Send("What's the weather in Paris?")
            .AssertReply(reply =>
            {
                var message = (IMessageActivity)reply;
                Assert.Contains("couldn't find an answer to that in the curated news", message.Text);
                Assert.Empty(message.Attachments ?? []);
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task More_ShowsTheNextResultsOfTheLastQuestion()
    {
        await _host.Conversation()
            .Send(PhiQuestion)
            .AssertReply(reply => Assert.Contains(TestKnowledge.PhiMitUrl, BotTestHost.CardJson(reply)))
            .Send("more")
            .AssertReply(reply =>
            {
                var message = (IMessageActivity)reply;
                Assert.NotEmpty(message.Attachments);
                Assert.Contains(TestKnowledge.PhiResearchUrl, Newtonsoft.Json.JsonConvert.SerializeObject(message.Attachments[0].Content));
            })
            .Send("more")
            .AssertReply(reply => Assert.Contains("That's all I have", ((IMessageActivity)reply).Text))
            .StartTestAsync();
    }

    [Fact]
    public async Task More_AsksForAQuestionFirst_InANewConversation()
    {
        await _host.Conversation()
            .Send("more")
            .AssertReply(reply => Assert.Contains("Ask me a question first", ((IMessageActivity)reply).Text))
            .StartTestAsync();
    }

    [Theory]
    [InlineData("help", "`latest [n]`")]
    [InlineData("HELP", "`more`")]
    [InlineData("about", "3 AI news articles")]
    [InlineData("latest 2", "The 2 newest articles")]
    [InlineData("latest", "The 3 newest articles")]
    [InlineData("latest 50", "`latest` takes a number from 1 to 20")]
    [InlineData("", "Ask me about AI news")]
    public async Task Commands_AnswerFromTheirTable(string message, string expected)
    {
        await _host.Conversation()
            .Send(message)
            .AssertReply(reply => Assert.Contains(expected, BotTestHost.Shown(reply)))
            .StartTestAsync();
    }

    [Fact]
    public async Task Latest_ListsArticlesNewestFirstWithLinks()
    {
        await _host.Conversation()
            .Send("latest 3")
            .AssertReply(reply =>
            {
                AssertNewestFirst(BotTestHost.CardJson(reply));
            })
            .StartTestAsync();
    }

    [Theory]
    [InlineData("webchat", "what's new?")]
    [InlineData("webchat", "any news?")]
    [InlineData("slack", "whats the latest")]
    [InlineData("telegram", "what's new?")]
    public async Task AQuestionAskingWhatIsNew_ListsTheNewestArticles_AsLatestDoes(string channel, string question)
    {
        // Before: "Not in the curated news", with whatever article held "new" as the closest.
        await _host.Conversation(channel)
            .Send(question)
            .AssertReply(reply =>
            {
                var shown = BotTestHost.Shown(reply) + Newtonsoft.Json.JsonConvert.SerializeObject(((IMessageActivity)reply).ChannelData);
                Assert.Contains("The 3 newest articles", shown);
                Assert.DoesNotContain("couldn't find an answer", shown);
                AssertNewestFirst(shown);
            })
            .StartTestAsync();
    }

    /// <summary>The three test articles' links, newest first: the MIT relicensing, the research release, Llama 2.</summary>
    private static void AssertNewestFirst(string shown)
    {
        var mit = shown.IndexOf(TestKnowledge.PhiMitUrl, StringComparison.Ordinal);
        var research = shown.IndexOf(TestKnowledge.PhiResearchUrl, StringComparison.Ordinal);
        var llama = shown.IndexOf(TestKnowledge.LlamaUrl, StringComparison.Ordinal);
        Assert.True(mit >= 0 && mit < research && research < llama, shown);
    }

    [Theory]
    [InlineData("latest news", "The 3 newest articles")]
    [InlineData("about phi-2's licence for commercial use", "for commercial use")]
    [InlineData("more on phi-2 licensing", TestKnowledge.PhiMitUrl)]
    public async Task AQuestionStartingWithACommandsName_IsAnsweredAsAQuestion(string message, string expected)
    {
        // Before: "latest news about sora" was told "`latest` takes a number from 1 to 20", "about ..." got the
        // collection's size and "more on ..." asked for a question first.
        await _host.Conversation()
            .Send(message)
            .AssertReply(reply => Assert.Contains(expected, BotTestHost.Shown(reply)))
            .StartTestAsync();
    }

    [Fact]
    public async Task TeamsChannel_AnswersWhenMentioned_AndReadsTheQuestionWithoutTheMention()
    {
        var flow = _host.Conversation("msteams", "channel");
        await flow
            .Send(Mentioning("<at>NewsBot</at> latest 1"))
            .AssertReply(reply => Assert.Contains("The 1 newest articles", BotTestHost.Shown(reply)))
            .StartTestAsync();
    }

    [Fact]
    public async Task TeamsChannel_IgnoresMessagesThatDoNotMentionTheBot()
    {
        await _host.Conversation("msteams", "channel")
            .Send("latest 1")
            .AssertNoReply()
            .StartTestAsync();
    }

    [Fact]
    public async Task TeamsAnswer_IsOneCard_WithTeamsFeedbackButtons_AndANotificationSummary()
    {
        await _host.Conversation("msteams", "personal")
            .Send(PhiQuestion)
            .AssertReply(reply =>
            {
                var message = (IMessageActivity)reply;
                Assert.True(string.IsNullOrEmpty(message.Text), message.Text);
                Assert.Contains("commercial use", message.Summary);
                Assert.Contains(TestKnowledge.PhiMitUrl, BotTestHost.CardJson(reply));
                Assert.DoesNotContain("AIGeneratedContent", Newtonsoft.Json.JsonConvert.SerializeObject(message.Entities ?? []));
                Assert.Equal("default", ((JObject)message.ChannelData)["feedbackLoop"]!["type"]!.ToString());
                Assert.DoesNotContain("👍", BotTestHost.CardJson(reply));
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task SlackAnswer_UsesMrkdwnLinksAndBlockKit_NotACard()
    {
        await _host.Conversation("slack")
            .Send(PhiQuestion)
            .AssertReply(reply =>
            {
                var message = (IMessageActivity)reply;
                Assert.Empty(message.Attachments ?? []);
                Assert.Contains($"<{TestKnowledge.PhiMitUrl}|Microsoft moves Phi-2 to the MIT licence>", message.Text);
                var blocks = (JArray)((JObject)message.ChannelData)["blocks"]!;
                Assert.Contains(blocks, b => b["type"]!.ToString() == "section");
                Assert.All(blocks.Where(b => b["text"] is not null), b => Assert.True(b["text"]!["text"]!.ToString().Length <= 3000));
            })
            .StartTestAsync();
    }

    [Fact]
    public async Task CardFeedback_IsStoredWithTheQuestionAndArticle()
    {
        var feedback = MessageFactory.Text(string.Empty);
        feedback.Value = new JObject { ["newsbotFeedback"] = "dislike", ["question"] = PhiQuestion, ["articleId"] = "2024/phi-2-mit" };

        await _host.Conversation()
            .Send(feedback)
            .AssertReply(reply => Assert.Contains("Thanks", ((IMessageActivity)reply).Text))
            .StartTestAsync();

        var stored = await _host.Services.GetRequiredService<IFeedbackStore>().RecentAsync(10, CancellationToken.None);
        var record = Assert.Single(stored);
        Assert.Equal(("dislike", PhiQuestion, "2024/phi-2-mit"), (record.Reaction, record.Question, record.ArticleId));
    }

    [Fact]
    public async Task TeamsFeedbackButtons_AreStoredWithTheAnsweredQuestionAndArticle()
    {
        var invoke = new Activity(ActivityTypes.Invoke)
        {
            Name = "message/submitAction",
            Value = JObject.Parse("""{"actionName":"feedback","actionValue":{"reaction":"dislike","feedback":"{\"feedbackText\":\"too old\"}"}}"""),
        };

        await _host.Conversation("msteams", "personal")
            .Send(PhiQuestion)
            .AssertReply(reply => invoke.ReplyToId = reply.Id)
            .Send(invoke)
            .AssertReply(reply => Assert.Equal(200, ((InvokeResponse)((Activity)reply).Value).Status))
            .StartTestAsync();

        var record = Assert.Single(await _host.Services.GetRequiredService<IFeedbackStore>().RecentAsync(10, CancellationToken.None));
        Assert.Equal(("dislike", "too old", PhiQuestion, "2024/phi-2-mit"), (record.Reaction, record.Comment, record.Question, record.ArticleId));
    }

    [Fact]
    public async Task BotAddedToATeamsChannel_IsRemembered_AndWelcomesWithASubscribeButton()
    {
        var added = new Activity(ActivityTypes.ConversationUpdate) { MembersAdded = [new ChannelAccount("bot", "NewsBot")] };

        await _host.Conversation("msteams", "channel")
            .Send(added)
            .AssertReply(reply =>
            {
                var card = BotTestHost.CardJson(reply);
                Assert.Contains("Subscribe this channel", card);
                Assert.Contains("\"newsbotCommand\":\"digest on\"", card);
                Assert.Contains("curated collection of AI news", ((IMessageActivity)reply).Text);
            })
            .StartTestAsync();

        var installation = await _host.Services.GetRequiredService<NewsBot.Digests.IInstallations>().FindAsync("msteams:msteams-conversation", CancellationToken.None);
        Assert.NotNull(installation);
        Assert.Equal("channel", installation.ConversationType);
        Assert.Contains("msteams-conversation", installation.ReferenceJson);
        Assert.Null(installation.Removed);
    }

    [Fact]
    public async Task SomeoneElseJoiningATeamsChannel_GetsNoReply_AndInstallsNothing()
    {
        var joined = new Activity(ActivityTypes.ConversationUpdate) { MembersAdded = [new ChannelAccount("user-2", "Grace")] };

        await _host.Conversation("msteams", "channel")
            .Send(joined)
            .AssertNoReply()
            .StartTestAsync();

        Assert.Null(await _host.Services.GetRequiredService<NewsBot.Digests.IInstallations>().FindAsync("msteams:msteams-conversation", CancellationToken.None));
    }

    [Fact]
    public async Task SubscribeButton_SubscribesATeamsChannel_WithoutAMention()
    {
        var press = MessageFactory.Text(string.Empty);
        press.Value = new JObject { ["newsbotCommand"] = "digest on" };

        await _host.Conversation("msteams", "channel")
            .Send(press)
            .AssertReply(reply => Assert.StartsWith("Subscribed", ((IMessageActivity)reply).Text, StringComparison.Ordinal))
            .StartTestAsync();
    }

    [Fact]
    public async Task BotRemovedFromAConversation_IsRecordedAsRemoved()
    {
        var added = new Activity(ActivityTypes.ConversationUpdate) { MembersAdded = [new ChannelAccount("bot", "NewsBot")] };
        var removed = new Activity(ActivityTypes.ConversationUpdate) { MembersRemoved = [new ChannelAccount("bot", "NewsBot")] };

        await _host.Conversation("msteams", "groupChat")
            .Send(added)
            .AssertReply(_ => { })
            .Send(removed)
            .StartTestAsync();

        var installation = await _host.Services.GetRequiredService<NewsBot.Digests.IInstallations>().FindAsync("msteams:msteams-conversation", CancellationToken.None);
        Assert.NotNull(installation?.Removed);
    }

    [Fact]
    public async Task Questions_AreLoggedWithoutUserNames_AndUnansweredOnesShowAsGaps()
    {
        // "what's new?" got the newest articles: no article could answer it, so it is no gap in the collection.
        await _host.Conversation()
            .Send("What's the weather in Paris?")
            .AssertReply(_ => { })
            .Send(PhiQuestion)
            .AssertReply(_ => { })
            .Send("what's new?")
            .AssertReply(_ => { })
            .StartTestAsync();

        var gaps = await _host.Services.GetRequiredService<IQuestionLog>().UnansweredSinceAsync(DateTimeOffset.MinValue, 10, CancellationToken.None);
        var gap = Assert.Single(gaps);
        Assert.Equal("What's the weather in Paris?", gap.Question);
    }

    [Theory]
    [InlineData("AND OR ( * ~ \"")]
    [InlineData("-")]
    [InlineData("🤖🔥🚀")]
    [InlineData("人工智能 新闻 是什么")]
    [InlineData("ما هو الذكاء الاصطناعي")]
    public async Task OddInput_GetsASensibleReply(string text)
    {
        await _host.Conversation()
            .Send(text)
            .AssertReply(AssertSaysSomething)
            .StartTestAsync();
    }

    [Fact]
    public async Task VeryLongMessage_GetsASensibleReply()
    {
        await _host.Conversation()
            .Send(string.Concat(Enumerable.Repeat("Phi-2 licence commercial use ", 400)))
            .AssertReply(AssertSaysSomething)
            .StartTestAsync();
    }

    /// <summary>A reply a user sees: text, or an answer card with the summary notifications show.</summary>
    private static void AssertSaysSomething(IActivity reply)
    {
        var message = (IMessageActivity)reply;
        Assert.True(
            !string.IsNullOrWhiteSpace(message.Text) || (message.Attachments is { Count: > 0 } && !string.IsNullOrWhiteSpace(message.Summary)),
            "the reply has neither text nor a card with a summary");
    }

    private static Activity Mentioning(string text)
    {
        var activity = MessageFactory.Text(text);
        // As on the wire: an entity whose properties hold the mention (Teams sends JSON, not Mention objects).
        var mention = new Entity("mention");
        mention.SetAs(new Mention { Mentioned = new ChannelAccount("bot", "NewsBot"), Text = "<at>NewsBot</at>" });
        activity.Entities = [mention];
        return activity;
    }
}
