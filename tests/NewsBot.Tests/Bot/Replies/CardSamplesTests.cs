using System.IO.Compression;
using Microsoft.Bot.Schema;
using NewsBot.Bot.Replies;
using NewsBot.Bot.Teams;
using NewsBot.Knowledge;
using NewsBot.Knowledge.Answers;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Connector = Microsoft.Bot.Connector.Channels;

namespace NewsBot.Tests.Bot.Replies;

/// <summary>
/// One sample of every Adaptive Card the bot sends, and the packed Teams manifest. With NEWSBOT_CI_OUT set (as
/// .ci/run does) they are written there, for tests/manifest/validate.mjs to check with the Adaptive Cards SDK and
/// the official Teams schema, which only exist in Node.
/// </summary>
public sealed class CardSamplesTests : IAsyncLifetime
{
    public const string OutputVariable = "NEWSBOT_CI_OUT";

    private readonly BotTestHost _host = new();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public void EveryCard_IsAdaptiveCard15_AndIsWrittenForCi()
    {
        var cards = Samples().ToList();

        Assert.True(cards.Count >= 8);
        foreach (var (name, card) in cards)
        {
            Assert.True(card.Value<string>("type") == "AdaptiveCard", name);
            Assert.True(card.Value<string>("version") == AdaptiveCards.Version, name);
        }

        if (Environment.GetEnvironmentVariable(OutputVariable) is { Length: > 0 } output)
        {
            var folder = Directory.CreateDirectory(Path.Combine(output, "cards"));
            foreach (var (name, card) in cards)
            {
                File.WriteAllText(Path.Combine(folder.FullName, name + ".json"), card.ToString(Formatting.Indented));
            }
        }
    }

    [Fact]
    public void PackedManifest_IsWrittenForCi()
    {
        using var package = new MemoryStream();
        TeamsAppPackage.Write(package, Guid.Parse("2b9a4c3e-5f6d-4e7a-8b9c-0d1e2f3a4b5c"), Guid.Parse("7c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f"), "newsbot.contoso.com");
        package.Position = 0;
        using var zip = new ZipArchive(package, ZipArchiveMode.Read);
        using var reader = new StreamReader(zip.GetEntry("manifest.json")!.Open());
        var manifest = reader.ReadToEnd();
        Assert.Equal("1.22", JObject.Parse(manifest).Value<string>("manifestVersion"));

        if (Environment.GetEnvironmentVariable(OutputVariable) is { Length: > 0 } output)
        {
            var folder = Directory.CreateDirectory(Path.Combine(output, "teams"));
            File.WriteAllText(Path.Combine(folder.FullName, "manifest.json"), manifest);
        }
    }

    private IEnumerable<(string Name, JObject Card)> Samples()
    {
        var knowledge = _host.Services.GetRequiredService<IKnowledgeBase>();
        var replies = _host.Services.GetRequiredService<ReplyFactory>();
        var webChat = Incoming(Connector.Webchat);
        var teams = Incoming(Connector.Msteams);

        var answer = knowledge.Ask("Is Phi-2 licensed for commercial use?", new AskOptions(Top: ReplyFactory.ResultsPerAnswer));
        Assert.True(answer.Answered);
        Assert.Contains(answer.Results, r => r.IsOlder);
        yield return ("answer-webchat", Card(replies.Answer(webChat, answer)));
        yield return ("answer-teams", Card(replies.Answer(teams, answer)));

        var more = Cards(replies.MoreResults(webChat, answer)).ToList();
        Assert.NotEmpty(more);
        for (var i = 0; i < more.Count; i++)
        {
            yield return ($"more-webchat-{i + 1}", more[i]);
        }

        yield return ("latest-webchat", Card(replies.ArticleList(webChat, "The 3 newest articles", knowledge.Latest(3))));
        yield return ("latest-teams", Card(replies.ArticleList(teams, "The 3 newest articles", knowledge.Latest(3))));

        var article = answer.Results[0].Article;
        yield return ("search-quote", (JObject)ArticleCard.Build(article, answer.Results[0].Highlight).Content);
        yield return ("search-summary", (JObject)ArticleCard.Build(article with { Summary = new string('s', 400) }, null).Content);
        yield return ("search-bare", (JObject)ArticleCard.Build(article with { Summary = null, Source = null }, null).Content);

        yield return ("welcome-webchat", Card(replies.Welcome(webChat)));
        yield return ("welcome-teams", Card(replies.Welcome(teams)));

        // A digest long enough to be grouped by tag and to end with "and N more".
        var many = Enumerable.Range(0, 14)
            .Select(i => article with { Id = $"sample/{i}", Title = $"{article.Title} ({i})", Tags = [i % 2 == 0 ? "microsoft" : "licensing"] })
            .ToList();
        var digest = NewsBot.Knowledge.Digests.DigestComposer.Compose(many, DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        yield return ("digest-webchat", Card(NewsBot.Digests.DigestMessage.Build(Connector.Webchat, digest)));
        yield return ("digest-teams", Card(NewsBot.Digests.DigestMessage.Build(Connector.Msteams, digest)));

        // Curation: a draft's preview with checks and a lint error, and the list of waiting drafts.
        var draft = new NewsBot.Knowledge.Curation.Draft(
            "2024/phi-2-goes-mit", "/tmp/knowledge/_drafts/2024/phi-2-goes-mit.md", article.Title, article.Url, null, article.Source,
            article.Summary, [answer.Results[0].Passage, "A second paragraph with [markup](https://example.org) that stays text."], 60);
        var problems = new[] { new NewsBot.Knowledge.Articles.ArticleProblem("draft.md", 4, NewsBot.Knowledge.Articles.ProblemSeverity.Error, "required field 'published' is empty") };
        yield return ("draft-preview-webchat", Card(NewsBot.Curation.DraftReplies.Preview(webChat, draft, ["no publication date on the page: fill in 'published'"], problems)));
        yield return ("draft-preview-clean-teams", Card(NewsBot.Curation.DraftReplies.Preview(teams, draft with { Published = article.Published }, [], [])));
        yield return ("drafts-webchat", Card(NewsBot.Curation.DraftReplies.List(webChat, [(draft, problems), (draft with { Id = "2024/other", Title = null }, [])], 12)));
    }

    private static Activity Incoming(string channelId) => new()
    {
        Type = ActivityTypes.Message,
        ChannelId = channelId,
        Conversation = new ConversationAccount { ConversationType = channelId == Connector.Msteams ? "personal" : null },
    };

    private static JObject Card(IMessageActivity reply) => Assert.Single(Cards(reply));

    private static IEnumerable<JObject> Cards(IMessageActivity reply) =>
        reply.Attachments.Where(a => a.ContentType == AdaptiveCards.ContentType).Select(a => JObject.FromObject(a.Content));
}
