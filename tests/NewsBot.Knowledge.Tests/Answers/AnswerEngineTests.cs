using NewsBot.Knowledge.Answers;
using NewsBot.Knowledge.Tests.Support;
using static NewsBot.Knowledge.Tests.Support.SampleArticles;

namespace NewsBot.Knowledge.Tests.Answers;

/// <summary>Answers from the sample collection (and, where said, from the real knowledge/ folder), through <see cref="KnowledgeBase.Ask"/>.</summary>
public sealed class AnswerEngineTests(SampleKnowledgeFixture sample, CuratedKnowledgeFixture curated)
    : IClassFixture<SampleKnowledgeFixture>, IClassFixture<CuratedKnowledgeFixture>
{
    private const string PhiQuestion = "Is Phi-2 licensed for commercial use?";

    private KnowledgeBase Knowledge => sample.Knowledge;

    private static List<string> Urls(IEnumerable<AnswerResult> results) => results.Select(r => r.Article.Url.AbsoluteUri).ToList();

    private static List<string> Urls(IEnumerable<ArticleLink> links) => links.Select(l => l.Url.AbsoluteUri).ToList();

    private void AssertNotAnswered(string question)
    {
        var answer = Knowledge.Ask(question);

        Assert.Equal(question, answer.Question);
        Assert.False(answer.Answered, $"'{question}' was answered with {string.Join(", ", Urls(answer.Results))}");
        Assert.Empty(answer.Results);
        Assert.Empty(answer.Related);
        Assert.False(answer.HasMore);
        Assert.InRange(answer.Confidence, 0, NewsBot.Knowledge.Answers.Decision.AnswerModelFile.Default.Lexical.Threshold);
    }

    [Theory]
    [InlineData("When did OpenAI launch GPT-4o?", Gpt4oUrl, "OpenAI launched GPT-4o on 13 May 2024.")]
    [InlineData("How many transistors does Blackwell pack?", NvidiaUrl, "208 billion transistors")]
    [InlineData("What are Artifacts in Claude 3.5 Sonnet?", ClaudeUrl, "Artifacts, a workspace")]
    [InlineData("How many parameters does the largest Llama 3.1 model have?", LlamaUrl, "405 billion parameter model")]
    [InlineData("What does the AI Act ban?", AiActUrl, "social scoring")]
    [InlineData("How long was Phi-2 trained and on how many GPUs?", PhiReleaseUrl, "96 A100 GPUs")]
    public void Ask_LeadsWithRightArticleAndPassage_WhenCollectionAnswersTheQuestion(string question, string url, string expectedInHighlight)
    {
        var answer = Knowledge.Ask(question);

        Assert.True(answer.Answered);
        var lead = answer.Results[0];
        Assert.Equal(url, lead.Article.Url.AbsoluteUri);
        Assert.Contains(expectedInHighlight, lead.Highlight);
        Assert.Contains(lead.Highlight, lead.Passage);
        Assert.InRange(lead.Confidence, NewsBot.Knowledge.Answers.Decision.AnswerModelFile.Default.Lexical.Threshold, 1);
        Assert.Equal(answer.Confidence, lead.Confidence);
        Assert.True(lead.Score > 0);
        Assert.Equal(question, answer.Question);
    }

    [Fact]
    public void Ask_ReturnsArticleMetadataWithTheResult_WhenAnswered()
    {
        var lead = Knowledge.Ask("When did OpenAI launch GPT-4o?").Results[0];

        Assert.Equal(new Uri(Gpt4oUrl), lead.Article.Url);
        Assert.Equal("OpenAI launches GPT-4o, an omni model", lead.Article.Title);
        Assert.Equal(new DateTimeOffset(2024, 5, 13, 0, 0, 0, TimeSpan.Zero), lead.Article.Published);
        Assert.Equal("Example News", lead.Article.Source);
        Assert.Equal("2024/gpt-4o", lead.Article.Id);
        Assert.StartsWith("OpenAI launched GPT-4o on 13 May 2024.", lead.Passage);
        Assert.False(lead.IsOlder);
    }

    [Fact]
    public void Ask_ReturnsHeadingOfThePassage_WhenPassageSitsUnderAHeading()
    {
        var lead = Knowledge.Ask("How long was Phi-2 trained and on how many GPUs?").Results[0];

        Assert.Equal("Training", lead.Heading);
    }

    [Theory]
    [InlineData(PhiQuestion, PhiMitUrl)]
    [InlineData("Is phi2 licensed for commercial use?", PhiMitUrl)]
    [InlineData("Is Phi 2 licensed for commercial use?", PhiMitUrl)]
    [InlineData("is PHI-2 licenced for commercial use", PhiMitUrl)]
    [InlineData("phi-2 licence commercial", PhiMitUrl)]
    [InlineData("When did OpenAI launch GPT-4o?", Gpt4oUrl)]
    [InlineData("When did OpenAI launch gpt4o?", Gpt4oUrl)]
    [InlineData("When did OpenAI launch GPT 4o?", Gpt4oUrl)]
    [InlineData("llama 3.1 context window", LlamaUrl)]
    [InlineData("llama3.1 context window", LlamaUrl)]
    [InlineData("Llama-3.1 context window", LlamaUrl)]
    [InlineData("Claude 3.5 Sonnet benchmarks", ClaudeUrl)]
    [InlineData("claude3.5 sonnet benchmarks", ClaudeUrl)]
    [InlineData("Claude-3.5 Sonnet benchmarks", ClaudeUrl)]
    public void Ask_FindsSameArticle_HoweverModelNameIsSpelled(string question, string url)
    {
        var answer = Knowledge.Ask(question);

        Assert.True(answer.Answered);
        Assert.Equal(url, answer.Results[0].Article.Url.AbsoluteUri);
    }

    [Fact]
    public void Ask_LeadsWithNewerArticleAndMarksOlderOne_WhenTwoArticlesAnswerTheSameQuestion()
    {
        var answer = Knowledge.Ask(PhiQuestion);

        Assert.True(answer.Answered);
        Assert.Equal([PhiMitUrl, PhiReleaseUrl], Urls(answer.Results).Take(2));
        Assert.False(answer.Results[0].IsOlder);
        Assert.True(answer.Results[1].IsOlder);
        Assert.Contains("MIT licence", answer.Results[0].Passage);
        Assert.Contains("commercial use", answer.Results[0].Highlight);
        Assert.Contains("research-only", answer.Results[1].Passage);
    }

    [Fact]
    public void Ask_MarksOlderArticleTheSameWay_WhenModelNameIsWrittenWithASpace()
    {
        var hyphenated = Knowledge.Ask("Is Phi-2 licensed for commercial use?");
        var spaced = Knowledge.Ask("Is Phi 2 licensed for commercial use?");

        Assert.Equal(
            hyphenated.Results.Select(r => (r.Article.Url, r.IsOlder)),
            spaced.Results.Select(r => (r.Article.Url, r.IsOlder)));
        Assert.True(spaced.Results[1].IsOlder);
    }

    [Theory]
    [InlineData("What's the weather in Paris?")]
    [InlineData("how do I bake sourdough bread")]
    [InlineData("Who won the football world cup?")]
    public void Ask_DoesNotAnswerAndNamesNoArticle_WhenQuestionIsOffTopic(string question)
    {
        AssertNotAnswered(question);
        Assert.Empty(Knowledge.Ask(question).Closest);
    }

    [Theory]
    [InlineData("When was GPT-5 released?")]
    [InlineData("Is GPT-5 multimodal?")]
    [InlineData("What is Llama 4?")]
    [InlineData("Is Phi-4 licensed for commercial use?")]
    [InlineData("When did Anthropic launch Claude 4 Opus?")]
    public void Ask_DoesNotAnswer_WhenQuestionIsAboutAModelTheCollectionDoesNotMention(string question)
    {
        AssertNotAnswered(question);
    }

    [Fact]
    public void Ask_NamesClosestArticles_WhenQuestionIsAboutAnUnknownModel()
    {
        var answer = Knowledge.Ask("When was GPT-5 released?");

        Assert.False(answer.Answered);
        Assert.Contains(Gpt4Url, Urls(answer.Closest));
        Assert.Contains(Gpt4oUrl, Urls(answer.Closest));
    }

    [Fact]
    public void Ask_HoldsAtMostThreeClosestLinks_WhenManyArticlesMatchWeakly()
    {
        var answer = Knowledge.Ask("Did Microsoft release a quantum computer?");

        Assert.False(answer.Answered);
        Assert.Empty(answer.Results);
        Assert.Equal(3, answer.Closest.Count);
        Assert.True(answer.Ranking.Count > 3);
        Assert.Equal(answer.Ranking.Take(3).Select(a => a.Url), answer.Closest.Select(c => c.Url));
        Assert.All(answer.Closest, c => Assert.StartsWith("Microsoft", Knowledge.Latest(100).Single(a => a.Url == c.Url).Title, StringComparison.Ordinal));
    }

    [Fact]
    public void Ask_CopiesArticleDetailsIntoClosestLinks()
    {
        var closest = Knowledge.Ask("When was GPT-5 released?").Closest.Single(c => c.Url.AbsoluteUri == Gpt4Url);

        Assert.Equal(new ArticleLink("2023/gpt-4", "OpenAI releases GPT-4", new Uri(Gpt4Url), new DateTimeOffset(2023, 3, 14, 0, 0, 0, TimeSpan.Zero), "Example News"), closest);
    }

    [Theory]
    [InlineData("AND ( * ~ \"")]
    [InlineData("-")]
    [InlineData("*")]
    [InlineData("?")]
    [InlineData("OR OR")]
    [InlineData("AND")]
    [InlineData("NOT")]
    [InlineData("\"")]
    [InlineData("\\")]
    [InlineData("[ TO ] { } ^ ~ : && ||")]
    [InlineData("title:*")]
    [InlineData("*:*")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    [InlineData("😀🚀🎉")]
    [InlineData("微软发布了什么模型")]
    [InlineData("ما هو الطقس في باريس")]
    [InlineData("\0\u0001\u200B")]
    public void Ask_ReturnsEmptyAnswerWithoutThrowing_WhenQuestionIsSyntaxOrForeignText(string question)
    {
        var answer = Knowledge.Ask(question);

        Assert.Equal(question, answer.Question);
        Assert.False(answer.Answered);
        Assert.Empty(answer.Results);
        Assert.Empty(answer.Ranking);
        Assert.Empty(answer.Closest);
    }

    [Theory]
    [InlineData("phi2 ")]
    [InlineData("a")]
    [InlineData("Phi-2 AND ( * ~ \" licence ")]
    [InlineData("x1 ")]
    [InlineData("gpt-4o, ")]
    [InlineData("3.1.2.3.4.5 ")]
    [InlineData("😀")]
    [InlineData("微")]
    [InlineData("a1-")]
    [InlineData("Phi-2/")]
    public void Ask_AnswersWithoutThrowing_WhenQuestionIsTenThousandCharacters(string unit)
    {
        var question = string.Concat(Enumerable.Repeat(unit, (10_000 / unit.Length) + 1))[..10_000];

        var answer = Knowledge.Ask(question);

        Assert.Equal(question, answer.Question);
        Assert.True(answer.Results.Count <= 3);
    }

    [Fact]
    public void Ask_DoesNotWidenToEveryArticle_WhenQuestionIsAWildcard()
    {
        foreach (var question in new[] { "*", "phi*", "p*", "*:*", "licen?e" })
        {
            var answer = Knowledge.Ask(question, new AskOptions(Top: 50));

            Assert.True(answer.Ranking.Count < SampleArticles.All.Count, $"'{question}' ranked every article");
        }
    }

    [Theory]
    [InlineData("NOT Phi-2 licence")]
    [InlineData("-Phi-2 licence")]
    [InlineData("Phi-2 AND licence")]
    [InlineData("+Phi-2 +licence")]
    [InlineData("(Phi-2) licence~")]
    public void Ask_TreatsOperatorsAsWords_WhenQuestionHoldsQuerySyntax(string question)
    {
        var answer = Knowledge.Ask(question);

        Assert.True(answer.Answered);
        Assert.Equal(PhiMitUrl, answer.Results[0].Article.Url.AbsoluteUri);
    }

    [Fact]
    public void Ask_ListsRelatedArticlesNotAmongTheResults_WhenAnswered()
    {
        var answer = Knowledge.Ask(PhiQuestion, new AskOptions(Top: 50));

        Assert.NotEmpty(answer.Related);
        Assert.True(answer.Related.Count <= 3);
        Assert.Contains(Phi3Url, Urls(answer.Related));
        Assert.Empty(Urls(answer.Related).Intersect(Urls(answer.Results)));
        Assert.Equal(answer.Related.Count, answer.Related.Select(r => r.Id).Distinct().Count());
    }

    [Fact]
    public void Ask_PagesThroughAnsweringArticles_WithSkipTopAndHasMore()
    {
        const string question = "What are Microsoft's Phi models?";
        var all = Knowledge.Ask(question, new AskOptions(Top: 50));
        Assert.True(all.Results.Count >= 3, $"expected three Phi articles, got {string.Join(", ", Urls(all.Results))}");
        Assert.Contains(PhiMitUrl, Urls(all.Results));
        Assert.Contains(PhiReleaseUrl, Urls(all.Results));
        Assert.False(all.HasMore);

        var pages = Enumerable.Range(0, all.Results.Count + 1).Select(skip => Knowledge.Ask(question, new AskOptions(Top: 1, Skip: skip))).ToList();

        Assert.Equal(Urls(all.Results).Select(url => new List<string> { url }).Append([]), pages.Select(p => Urls(p.Results)));
        Assert.Equal(Enumerable.Range(0, all.Results.Count + 1).Select(skip => skip + 1 < all.Results.Count), pages.Select(p => p.HasMore));
        Assert.Equal(all.Results.Select(r => r.IsOlder), pages.Take(all.Results.Count).Select(p => p.Results[0].IsOlder));
        var lastTwo = Knowledge.Ask(question, new AskOptions(Top: 2, Skip: all.Results.Count - 1));
        Assert.Equal([Urls(all.Results)[^1]], Urls(lastTwo.Results));
        Assert.False(lastTwo.HasMore);
    }

    [Fact]
    public void Ask_ReturnsConfiguredTopResults_WhenOptionsAreNotGiven()
    {
        const string question = "What are Microsoft's Phi models?";
        var all = Knowledge.Ask(question, new AskOptions(Top: 50)).Results.Count;

        var answer = Knowledge.Ask(question);

        Assert.True(answer.Answered);
        Assert.Equal(Math.Min(3, all), answer.Results.Count);
        Assert.Equal(all > 3, answer.HasMore);
    }

    [Theory]
    [InlineData(0, 0, 1)]
    [InlineData(-5, 0, 1)]
    [InlineData(1000, 0, 50)]
    [InlineData(2, -3, 2)]
    public void Ask_ClampsTopAndSkip_WhenOptionsAreOutOfRange(int top, int skip, int clampedTop)
    {
        const string question = "What are Microsoft's Phi models?";
        var all = Urls(Knowledge.Ask(question, new AskOptions(Top: 50)).Results);

        var answer = Knowledge.Ask(question, new AskOptions(Top: top, Skip: skip));

        Assert.Equal(all.Take(clampedTop), Urls(answer.Results));
    }

    [Fact]
    public void Ask_ReturnsSameAnswers_WhenAskedFromManyThreadsAtOnce()
    {
        string[] questions = [PhiQuestion, "When did OpenAI launch GPT-4o?", "llama3.1 context window", "What does the AI Act ban?"];
        var expected = questions.Select(q => Describe.Answer(Knowledge.Ask(q))).ToList();
        const int threads = 8;
        using var start = new Barrier(threads);
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();

        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < 50; i++)
            {
                var q = (t + i) % questions.Length;
                try
                {
                    if (Describe.Answer(Knowledge.Ask(questions[q])) != expected[q])
                    {
                        failures.Add($"different answer to '{questions[q]}'");
                    }
                }
                catch (Exception ex)
                {
                    failures.Add($"'{questions[q]}' threw {ex.GetType().Name}: {ex.Message}");
                }
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());

        Assert.Empty(failures);
    }

    [Fact]
    public void Ask_LeadsWithMitLicenceArticleAndMarksReleaseArticleOlder_OnTheCuratedCollection()
    {
        const string mitUrl = "https://github.com/ollama/ollama/issues/1824";
        const string releaseUrl = "https://aibusiness.com/nlp/microsoft-unveils-phi-2-a-small-yet-mighty-ai-model";

        var answer = curated.Knowledge.Ask(PhiQuestion, new AskOptions(Top: 10));

        Assert.True(answer.Answered);
        var lead = answer.Results[0];
        Assert.Equal(mitUrl, lead.Article.Url.AbsoluteUri);
        Assert.False(lead.IsOlder);
        Assert.Contains("MIT", lead.Passage);
        Assert.Contains(lead.Highlight, lead.Passage);
        var release = Assert.Single(answer.Results, r => r.Article.Url.AbsoluteUri == releaseUrl);
        Assert.True(release.IsOlder);
        Assert.Equal(2023, release.Article.Published.Year);
    }

    [Fact]
    public void Ask_NamesTheNewerArticleOnTheLeadsTopic_AsNewerCoverage_WhenAnOlderOneLeads_OnTheCuratedCollection()
    {
        const string llama2Url = "https://synthedia.substack.com/p/meta-just-became-a-big-player-in";
        const string llama31Url = "https://news.kav.co.id/n/llama-3-1-405b-open-frontier/";

        // Without "now", the ranker keeps its order, and with BM25 alone it prefers Llama 2's licence to Llama 3.1's
        // looser one: the reply must still say that newer coverage exists, not only name the older first LLaMA.
        // ("phi2 licence?" was this test's question until the answer model, refitted on the restyled collection too,
        // led with the MIT relicensing itself.)
        var answer = curated.Knowledge.Ask("llama license", new AskOptions(Top: 10));

        Assert.Equal(llama2Url, answer.Results[0].Article.Url.AbsoluteUri);
        var newer = Assert.Single(answer.Results, r => r.Article.Url.AbsoluteUri == llama31Url);
        Assert.True(newer.IsNewer);
        Assert.False(newer.IsOlder);
        Assert.All(answer.Results.Where(r => r.IsNewer), r => Assert.True(r.Article.Published > answer.Results[0].Article.Published));
        Assert.Contains(answer.Results, r => r.IsOlder && r.Article.Published.Year == 2023 && r.Article.Published < answer.Results[0].Article.Published);
    }
}
