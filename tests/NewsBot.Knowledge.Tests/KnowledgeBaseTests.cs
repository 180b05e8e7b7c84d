using NewsBot.Knowledge.Answers;
using NewsBot.Knowledge.Articles;
using NewsBot.Knowledge.Tests.Support;
using static NewsBot.Knowledge.Tests.Support.SampleArticles;

namespace NewsBot.Knowledge.Tests;

public sealed class KnowledgeBaseTests : IDisposable
{
    private const string PhiQuestion = "Is Phi-2 licensed for commercial use?";
    private const string Gpt4oQuestion = "When did OpenAI launch GPT-4o?";

    private readonly TestKnowledge _knowledge = new();

    public void Dispose() => _knowledge.Dispose();

    private static (int Added, int Updated, int Removed, int Unchanged, int Skipped) Counts(SyncReport report) =>
        (report.Added, report.Updated, report.Removed, report.Unchanged, report.Skipped);

    private static string? LeadUrl(KnowledgeBase knowledge, string question)
    {
        var answer = knowledge.Ask(question);
        return answer.Answered ? answer.Results[0].Article.Url.AbsoluteUri : null;
    }

    private static ArticleInfo ByUrl(KnowledgeBase knowledge, string url) =>
        Assert.Single(knowledge.Latest(100), a => a.Url.AbsoluteUri == url);

    [Fact]
    public void Open_ServesNothing_BeforeFirstSync()
    {
        Write(PhiMitPath);

        var knowledge = _knowledge.Open();

        Assert.Equal(new KnowledgeStats(0, 0, null, null), knowledge.Stats);
        Assert.False(knowledge.Ask(PhiQuestion).Answered);
        Assert.False(knowledge.IsReadOnly);
        Assert.True(Directory.Exists(Path.Combine(_knowledge.DataPath, "index")));
    }

    [Fact]
    public void Sync_ReportsEveryArticleAdded_WhenIndexIsNew()
    {
        Write(PhiReleasePath, PhiMitPath, Gpt4oPath);
        var knowledge = _knowledge.Open();

        var report = knowledge.Sync(TestContext.Current.CancellationToken);

        Assert.Equal((3, 0, 0, 0, 0), Counts(report));
        Assert.True(report.Changed);
        Assert.Empty(report.Problems);
        Assert.Equal(3, report.Articles);
        Assert.Equal(knowledge.Stats.Passages, report.Passages);
        Assert.Equal(3 + 1 + 1, report.Passages);
        Assert.Equal(new KnowledgeStats(3, 5, TestKnowledge.Start, new DateTimeOffset(2024, 5, 13, 0, 0, 0, TimeSpan.Zero)), knowledge.Stats);
    }

    [Fact]
    public void Sync_TouchesNothing_WhenNothingChanged()
    {
        Write(PhiReleasePath, PhiMitPath, Gpt4oPath);
        var knowledge = _knowledge.OpenSynced();
        var before = Describe.Articles(knowledge.Latest(10));
        _knowledge.Time.Advance(TimeSpan.FromHours(1));

        var report = knowledge.Sync(TestContext.Current.CancellationToken);

        Assert.Equal((0, 0, 0, 3, 0), Counts(report));
        Assert.False(report.Changed);
        Assert.Empty(report.Problems);
        Assert.Equal(3, report.Articles);
        Assert.Equal(before, Describe.Articles(knowledge.Latest(10)));
        Assert.Equal(TestKnowledge.Start.AddHours(1), knowledge.Stats.LastSync);
    }

    [Fact]
    public void Sync_LeavesArticleUnchanged_WhenFileIsRewrittenWithSameBytes()
    {
        Write(PhiMitPath, Gpt4oPath);
        var knowledge = _knowledge.OpenSynced();
        File.SetLastWriteTimeUtc(_knowledge.Write(PhiMitPath, PhiMit), new DateTime(2030, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        var report = knowledge.Sync(TestContext.Current.CancellationToken);

        Assert.Equal((0, 0, 0, 2, 0), Counts(report));
    }

    [Fact]
    public void Sync_UpdatesOnlyChangedFile_AndAnswersFromItsNewText()
    {
        Write(PhiReleasePath, PhiMitPath, Gpt4oPath);
        var knowledge = _knowledge.OpenSynced();
        const string question = "What does Knightmare do?";
        Assert.False(knowledge.Ask(question).Answered);

        _knowledge.Write(PhiMitPath, PhiMit.Replace(
            "Developers noticed",
            "The chess engine Knightmare now uses Phi-2 to explain its moves. Developers noticed",
            StringComparison.Ordinal));
        var report = knowledge.Sync(TestContext.Current.CancellationToken);

        Assert.Equal((0, 1, 0, 2, 0), Counts(report));
        Assert.True(report.Changed);
        var answer = knowledge.Ask(question);
        Assert.True(answer.Answered);
        Assert.Equal(PhiMitUrl, answer.Results[0].Article.Url.AbsoluteUri);
        Assert.Contains("Knightmare", answer.Results[0].Passage);
    }

    [Fact]
    public void Sync_ForgetsOldText_WhenArticleIsRewritten()
    {
        Write(PhiMitPath, Gpt4oPath, NvidiaPath);
        var knowledge = _knowledge.OpenSynced();
        Assert.Equal(NvidiaUrl, LeadUrl(knowledge, "How many transistors does Blackwell pack?"));

        _knowledge.Write(NvidiaPath, ArticleText.Create("Nvidia earnings", NvidiaUrl, "2024-03-18", "Nvidia reported record quarterly revenue from data centers."));
        knowledge.Sync(TestContext.Current.CancellationToken);

        Assert.Null(LeadUrl(knowledge, "How many transistors does Blackwell pack?"));
        Assert.Equal("Nvidia earnings", ByUrl(knowledge, NvidiaUrl).Title);
    }

    [Fact]
    public void Sync_RemovesArticle_WhenItsFileIsDeleted()
    {
        Write(PhiMitPath, Gpt4oPath, NvidiaPath);
        var knowledge = _knowledge.OpenSynced();
        Assert.Equal(Gpt4oUrl, LeadUrl(knowledge, Gpt4oQuestion));

        _knowledge.Delete(Gpt4oPath);
        var report = knowledge.Sync(TestContext.Current.CancellationToken);

        Assert.Equal((0, 0, 1, 2, 0), Counts(report));
        Assert.True(report.Changed);
        Assert.Equal(2, report.Articles);
        var answer = knowledge.Ask(Gpt4oQuestion);
        Assert.DoesNotContain(answer.Results, r => r.Article.Url.AbsoluteUri == Gpt4oUrl);
        Assert.DoesNotContain(answer.Ranking, a => a.Url.AbsoluteUri == Gpt4oUrl);
        Assert.DoesNotContain(knowledge.Latest(10), a => a.Url.AbsoluteUri == Gpt4oUrl);
    }

    [Fact]
    public void Sync_SkipsAndReportsBadFile_AndIndexesTheOthers()
    {
        Write(PhiMitPath);
        var broken = _knowledge.Write("2024/broken.md", ArticleText.Create("Broken", "ftp://example.org/broken", "2024-02-02", "Body."));
        var noFrontMatter = _knowledge.Write("2024/a-no-front-matter.md", "Just text.\n");
        Write(Gpt4oPath);
        var knowledge = _knowledge.Open();

        var report = knowledge.Sync(TestContext.Current.CancellationToken);

        Assert.Equal((2, 0, 0, 0, 2), Counts(report));
        Assert.Equal(
            [(noFrontMatter, 1, ProblemSeverity.Error), (broken, 3, ProblemSeverity.Error)],
            report.Problems.Select(p => (p.Path, p.Line, p.Severity)));
        Assert.Equal(2, report.Articles);
        Assert.Equal(PhiMitUrl, LeadUrl(knowledge, PhiQuestion));
        Assert.Equal(Gpt4oUrl, LeadUrl(knowledge, Gpt4oQuestion));
    }

    [Fact]
    public void Sync_SkipsFileWithUnclosedBracket_AndIndexesTheOthers()
    {
        Write(PhiMitPath, Gpt4oPath);
        _knowledge.Write("2024/broken.md", "---\ntitle: Broken\nurl: https://example.org/broken\npublished: 2024-02-02\ntags: [a, b\nsource: X\n---\nBody.\n");
        var knowledge = _knowledge.Open();

        var report = knowledge.Sync(TestContext.Current.CancellationToken);

        Assert.Equal((2, 0, 0, 0, 1), Counts(report));
        Assert.Single(report.Problems, p => p.Severity == ProblemSeverity.Error && p.Path.EndsWith("broken.md", StringComparison.Ordinal));
        Assert.Equal(PhiMitUrl, LeadUrl(knowledge, PhiQuestion));
    }

    [Fact]
    public void Sync_KeepsLastGoodVersionAnswerable_WhenFileBecomesBroken()
    {
        Write(PhiReleasePath, PhiMitPath, Gpt4oPath);
        var knowledge = _knowledge.OpenSynced();
        var path = _knowledge.Write(PhiMitPath, PhiMit.Replace("url: https://example.org/phi-2-mit", "url: example.org/phi-2-mit", StringComparison.Ordinal));

        var report = knowledge.Sync(TestContext.Current.CancellationToken);

        Assert.Equal((0, 0, 0, 2, 1), Counts(report));
        Assert.False(report.Changed);
        var problem = Assert.Single(report.Problems);
        Assert.Equal($"{path}:3: error: url 'example.org/phi-2-mit' is not an absolute http(s) address (e.g. https://example.org/story)", problem.ToString());
        Assert.Equal(3, report.Articles);
        var answer = knowledge.Ask(PhiQuestion);
        Assert.Equal(PhiMitUrl, answer.Results[0].Article.Url.AbsoluteUri);
        Assert.Contains("MIT licence", answer.Results[0].Passage);

        var again = knowledge.Sync(TestContext.Current.CancellationToken);

        Assert.Equal((0, 0, 0, 2, 1), Counts(again));
        Assert.Single(again.Problems);
    }

    [Fact]
    public void Sync_ReplacesKeptVersion_WhenBrokenFileIsFixed()
    {
        Write(PhiMitPath, Gpt4oPath);
        var knowledge = _knowledge.OpenSynced();
        _knowledge.Write(PhiMitPath, "broken");
        knowledge.Sync(TestContext.Current.CancellationToken);

        _knowledge.Write(PhiMitPath, PhiMit.Replace("Microsoft moves Phi-2", "Microsoft finally moves Phi-2", StringComparison.Ordinal));
        var report = knowledge.Sync(TestContext.Current.CancellationToken);

        Assert.Equal((0, 1, 0, 1, 0), Counts(report));
        Assert.Equal("Microsoft finally moves Phi-2 to the MIT licence", ByUrl(knowledge, PhiMitUrl).Title);
    }

    [Fact]
    public void Sync_SkipsLaterFile_WhenItsUrlIsAlreadyServed()
    {
        Write(PhiMitPath);
        var knowledge = _knowledge.OpenSynced();
        var copy = _knowledge.Write("2025/copy.md", PhiMit.Replace("Microsoft moves", "Copy: Microsoft moves", StringComparison.Ordinal));

        var report = knowledge.Sync(TestContext.Current.CancellationToken);

        Assert.Equal((0, 0, 0, 1, 1), Counts(report));
        var problem = Assert.Single(report.Problems);
        Assert.Equal(copy, problem.Path);
        Assert.Contains($"duplicate url {PhiMitUrl}: already used by {PhiMitPath}", problem.Message);
        Assert.Equal("Microsoft moves Phi-2 to the MIT licence", ByUrl(knowledge, PhiMitUrl).Title);
    }

    [Fact]
    public void ArticlesSeenSince_ReturnsArticlesFirstSeenAtOrAfterTime_FromTheFakeClock()
    {
        var t0 = TestKnowledge.Start;
        Write(PhiReleasePath, PhiMitPath);
        var knowledge = _knowledge.OpenSynced();
        _knowledge.Time.Advance(TimeSpan.FromDays(1));
        var t1 = _knowledge.Time.GetUtcNow();
        Write(Gpt4oPath);

        knowledge.Sync(TestContext.Current.CancellationToken);

        Assert.Equal([t0, t0], knowledge.ArticlesSeenSince(t0, t1).Select(a => a.FirstSeen));
        Assert.Equal([PhiMitUrl, PhiReleaseUrl], knowledge.ArticlesSeenSince(t0, t1).Select(a => a.Url.AbsoluteUri));
        var fresh = Assert.Single(knowledge.ArticlesSeenSince(t1));
        Assert.Equal(Gpt4oUrl, fresh.Url.AbsoluteUri);
        Assert.Equal(t1, fresh.FirstSeen);
        Assert.Equal(3, knowledge.ArticlesSeenSince(t0).Count);
        Assert.Empty(knowledge.ArticlesSeenSince(t1.AddTicks(1)));
    }

    [Fact]
    public void ArticlesSeenSince_KeepsFirstSeen_WhenArticleIsUpdated()
    {
        Write(PhiMitPath);
        var knowledge = _knowledge.OpenSynced();
        _knowledge.Time.Advance(TimeSpan.FromDays(3));
        _knowledge.Write(PhiMitPath, PhiMit.Replace("in January 2024", "early in January 2024", StringComparison.Ordinal));

        var report = knowledge.Sync(TestContext.Current.CancellationToken);

        Assert.Equal(1, report.Updated);
        Assert.Equal(TestKnowledge.Start, ByUrl(knowledge, PhiMitUrl).FirstSeen);
        Assert.Empty(knowledge.ArticlesSeenSince(TestKnowledge.Start.AddDays(1)));
    }

    [Fact]
    public void ArticlesSeenSince_KeepsFirstSeen_WhenFileIsMovedOrRenamed()
    {
        Write(PhiMitPath, Gpt4oPath);
        var knowledge = _knowledge.OpenSynced();
        _knowledge.Time.Advance(TimeSpan.FromDays(3));
        _knowledge.Move(PhiMitPath, "archive/licensing/phi-2-moved-to-mit.md");

        var report = knowledge.Sync(TestContext.Current.CancellationToken);

        Assert.Equal((1, 0, 1, 1, 0), Counts(report));
        var moved = ByUrl(knowledge, PhiMitUrl);
        Assert.Equal("archive/licensing/phi-2-moved-to-mit.md", moved.RelativePath);
        Assert.Equal("archive/licensing/phi-2-moved-to-mit", moved.Id);
        Assert.Equal(TestKnowledge.Start, moved.FirstSeen);
        Assert.Empty(knowledge.ArticlesSeenSince(TestKnowledge.Start.AddDays(1)));
        Assert.Equal(PhiMitUrl, LeadUrl(knowledge, PhiQuestion));
    }

    [Fact]
    public void ArticlesSeenSince_KeepsFirstSeen_WhenArticleIsDeletedAndAddedBackLater()
    {
        Write(PhiMitPath);
        var knowledge = _knowledge.OpenSynced();
        _knowledge.Delete(PhiMitPath);
        _knowledge.Time.Advance(TimeSpan.FromDays(1));
        knowledge.Sync(TestContext.Current.CancellationToken);
        Assert.Equal(0, knowledge.Stats.Articles);
        _knowledge.Time.Advance(TimeSpan.FromDays(1));
        Write(PhiMitPath);

        var report = knowledge.Sync(TestContext.Current.CancellationToken);

        Assert.Equal(1, report.Added);
        Assert.Equal(TestKnowledge.Start, ByUrl(knowledge, PhiMitUrl).FirstSeen);
    }

    [Fact]
    public void Open_KeepsArticlesAnswersAndFirstSeen_WhenIndexIsReopened()
    {
        Write(PhiReleasePath, PhiMitPath, Gpt4oPath);
        var first = _knowledge.OpenSynced();
        var stats = first.Stats;
        var articles = Describe.Articles(first.Latest(10));
        var answer = Describe.Answer(first.Ask(PhiQuestion));
        _knowledge.Close(first);
        _knowledge.Time.Advance(TimeSpan.FromDays(2));

        var reopened = _knowledge.Open();

        Assert.Equal(stats, reopened.Stats);
        Assert.Equal(articles, Describe.Articles(reopened.Latest(10)));
        Assert.Equal(answer, Describe.Answer(reopened.Ask(PhiQuestion)));
        Assert.Equal(3, reopened.ArticlesSeenSince(TestKnowledge.Start).Count);
        var report = reopened.Sync(TestContext.Current.CancellationToken);
        Assert.Equal((0, 0, 0, 3, 0), Counts(report));
    }

    [Fact]
    public void Open_IsReadOnlyAndStillAnswers_WhenAnotherKnowledgeBaseHoldsTheIndex()
    {
        Write(PhiReleasePath, PhiMitPath, Gpt4oPath);
        var writer = _knowledge.OpenSynced();

        var reader = _knowledge.Open();

        Assert.False(writer.IsReadOnly);
        Assert.True(reader.IsReadOnly);
        Assert.Equal(writer.Stats, reader.Stats);
        Assert.Equal(Describe.Answer(writer.Ask(PhiQuestion)), Describe.Answer(reader.Ask(PhiQuestion)));
        Assert.Equal(PhiMitUrl, LeadUrl(reader, PhiQuestion));
        var refused = Assert.Throws<InvalidOperationException>(() => reader.Sync(TestContext.Current.CancellationToken));
        Assert.Contains("read-only", refused.Message);
    }

    [Fact]
    public void Open_IsWritable_WhenTheOtherKnowledgeBaseHasClosed()
    {
        Write(PhiMitPath);
        var first = _knowledge.OpenSynced();
        var reader = _knowledge.Open();
        Assert.True(reader.IsReadOnly);
        _knowledge.Close(reader);
        _knowledge.Close(first);

        var next = _knowledge.Open();

        Assert.False(next.IsReadOnly);
        Assert.Equal((0, 0, 0, 1, 0), Counts(next.Sync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public void Open_RebuildsAnIndexThatCannotBeOpened_FromTheArticles()
    {
        // What two processes writing one index left behind: segments.gen names a commit whose file is gone.
        Write(PhiReleasePath, PhiMitPath, Gpt4oPath);
        _knowledge.Close(_knowledge.OpenSynced());
        foreach (var commit in Directory.GetFiles(Path.Combine(_knowledge.DataPath, "index"), "segments_*"))
        {
            File.Delete(commit);
        }

        var reopened = _knowledge.Open();
        var report = reopened.Sync(TestContext.Current.CancellationToken);

        Assert.False(reopened.IsReadOnly);
        Assert.Equal(3, report.Added);
        Assert.Equal(PhiMitUrl, LeadUrl(reopened, PhiQuestion));
    }

    [Fact]
    public void Sync_LeavesServedArticles_WhenCancelledBeforeStart()
    {
        Write(PhiMitPath);
        var knowledge = _knowledge.OpenSynced();
        Write(PhiReleasePath, Gpt4oPath);
        _knowledge.Delete(PhiMitPath);

        Assert.ThrowsAny<OperationCanceledException>(() => knowledge.Sync(new CancellationToken(canceled: true)));

        Assert.Equal(1, knowledge.Stats.Articles);
        Assert.Equal(PhiMitUrl, LeadUrl(knowledge, PhiQuestion));
        var report = knowledge.Sync(TestContext.Current.CancellationToken);
        Assert.Equal((2, 0, 1, 0, 0), Counts(report));
        Assert.Equal(Gpt4oUrl, LeadUrl(knowledge, Gpt4oQuestion));
        Assert.Equal(PhiReleaseUrl, LeadUrl(knowledge, PhiQuestion));
    }

    [Fact]
    public void Sync_CompletesFirstSync_WhenItWasCancelledBeforeStart()
    {
        Write(PhiMitPath, Gpt4oPath);
        var knowledge = _knowledge.Open();

        Assert.ThrowsAny<OperationCanceledException>(() => knowledge.Sync(new CancellationToken(canceled: true)));
        Assert.Equal(0, knowledge.Stats.Articles);
        _knowledge.Close(knowledge);

        var reopened = _knowledge.Open();
        var report = reopened.Sync(TestContext.Current.CancellationToken);

        Assert.Equal((2, 0, 0, 0, 0), Counts(report));
        Assert.Equal(PhiMitUrl, LeadUrl(reopened, PhiQuestion));
        Assert.Equal(Gpt4oUrl, LeadUrl(reopened, Gpt4oQuestion));
    }

    [Fact]
    public void Ask_KeepsAnsweringUnchangedArticle_WhileSyncsRunOnAnotherThread()
    {
        Write(PhiReleasePath, PhiMitPath, Gpt4oPath);
        var knowledge = _knowledge.OpenSynced();
        var failures = new List<string>();
        Exception? syncError = null;
        var syncs = new Thread(() =>
        {
            try
            {
                for (var i = 0; i < 15; i++)
                {
                    _knowledge.Write(Gpt4oPath, Gpt4o.Replace("about 320 milliseconds", $"about {320 + i} milliseconds", StringComparison.Ordinal));
                    knowledge.Sync();
                }
            }
            catch (Exception ex)
            {
                syncError = ex;
            }
        });

        syncs.Start();
        while (syncs.IsAlive)
        {
            var lead = LeadUrl(knowledge, PhiQuestion);
            if (lead != PhiMitUrl)
            {
                failures.Add(lead ?? "no answer");
            }
        }

        syncs.Join();
        Assert.Null(syncError);
        Assert.Empty(failures);
        Assert.Contains("334 milliseconds", knowledge.Ask("How fast does GPT-4o answer voice prompts?").Results[0].Passage);
    }

    [Fact]
    public void Latest_ReturnsNewestPublishedFirst_UpToCount()
    {
        SampleArticles.WriteAll(_knowledge);
        var knowledge = _knowledge.OpenSynced();

        Assert.Equal([LlamaUrl, ClaudeUrl, Gpt4oUrl], knowledge.Latest(3).Select(a => a.Url.AbsoluteUri));
        Assert.Equal(SampleArticles.All.Count, knowledge.Latest(100).Count);
        Assert.Empty(knowledge.Latest(0));
        Assert.Empty(knowledge.Latest(-1));
    }

    [Fact]
    public void Latest_CarriesArticleMetadata_FromFrontMatter()
    {
        Write(PhiReleasePath);
        var knowledge = _knowledge.OpenSynced();

        var article = Assert.Single(knowledge.Latest(1));

        Assert.Equal("2023/phi-2-release", article.Id);
        Assert.Equal(PhiReleasePath, article.RelativePath);
        Assert.Equal("Microsoft Research releases Phi-2, a small language model", article.Title);
        Assert.Equal(new DateTimeOffset(2023, 12, 12, 0, 0, 0, TimeSpan.Zero), article.Published);
        Assert.Null(article.Updated);
        Assert.Equal("Example News", article.Source);
        Assert.Equal(["microsoft", "phi", "small-models"], article.Tags);
        Assert.Equal("Phi-2 has 2.7 billion parameters and is licensed for research only.", article.Summary);
        Assert.Equal("Microsoft Research released Phi-2 on 12 December 2023.", article.Lead);
        Assert.Equal(3, article.PassageCount);
    }

    [Fact]
    public void Latest_CarriesTheFirstSentenceAsLead_AndDigestsShowIt_WhenArticleHasNoSummary()
    {
        _knowledge.Write("a.md", ArticleText.Create(
            "No summary",
            "https://example.org/a",
            "2024-01-01",
            "Dr. Smith of Acme Inc. released a 2.7B model on Monday. It beats larger models on reasoning.",
            "A second paragraph."));
        var knowledge = _knowledge.OpenSynced();

        var article = Assert.Single(knowledge.Latest(1));
        Assert.Null(article.Summary);
        Assert.Equal("Dr. Smith of Acme Inc. released a 2.7B model on Monday.", article.Lead);
        var item = Assert.Single(NewsBot.Knowledge.Digests.DigestComposer.Compose(knowledge, TestKnowledge.Start, TestKnowledge.Start.AddDays(1)).Items);
        Assert.Equal("Dr. Smith of Acme Inc. released a 2.7B model on Monday.", item.Summary);

        _knowledge.Close(knowledge);
        var reopened = _knowledge.Open();
        Assert.Equal("Dr. Smith of Acme Inc. released a 2.7B model on Monday.", Assert.Single(reopened.Latest(1)).Lead);
    }

    [Fact]
    public void Latest_CutsAVeryLongFirstSentence_ForTheLead()
    {
        var sentence = "Researchers " + string.Join(' ', Enumerable.Repeat("announced", 60)) + " a model.";
        _knowledge.Write("a.md", ArticleText.Create("Long lead", "https://example.org/a", "2024-01-01", sentence));
        var knowledge = _knowledge.OpenSynced();

        var lead = Assert.Single(knowledge.Latest(1)).Lead;

        Assert.NotNull(lead);
        Assert.True(lead.Length <= 280, $"Lead has {lead.Length} characters.");
        Assert.StartsWith("Researchers announced", lead);
        Assert.EndsWith("announced…", lead);
    }

    [Fact]
    public void Latest_KeepsEachTagWhole_WhenATagHoldsASpace()
    {
        _knowledge.Write("a.md", ArticleText.Create("Open weights story", "https://example.org/a", "2024-01-01", ["Body."], tags: "[open weights, microsoft]"));
        var knowledge = _knowledge.OpenSynced();

        var article = Assert.Single(knowledge.Latest(1));

        Assert.Equal(["open weights", "microsoft"], article.Tags);
    }

    [Fact]
    public void Latest_ReturnsNoTags_WhenArticleHasNone()
    {
        _knowledge.Write("a.md", ArticleText.Create("Untagged", "https://example.org/a", "2024-01-01", "Body."));
        var knowledge = _knowledge.OpenSynced();

        Assert.Empty(Assert.Single(knowledge.Latest(1)).Tags);
    }

    [Fact]
    public void Sync_KeepsServedArticlesAndReportsAnError_WhenKnowledgeFolderIsMissing()
    {
        Write(PhiMitPath, Gpt4oPath);
        var knowledge = _knowledge.OpenSynced();
        Directory.Delete(_knowledge.KnowledgePath, recursive: true);

        var report = knowledge.Sync(TestContext.Current.CancellationToken);

        Assert.Equal(0, report.Removed);
        Assert.Equal(2, knowledge.Stats.Articles);
        Assert.Contains(report.Problems, p => p.Severity == ProblemSeverity.Error);
        Assert.Equal(PhiMitUrl, LeadUrl(knowledge, PhiQuestion));
    }

    [Fact]
    public void Sync_ReportsDuplicateUrlOnTheUrlLine_LikeValidate()
    {
        Write(PhiMitPath);
        var copy = _knowledge.Write("2025/copy.md", PhiMit.Replace("Microsoft moves", "Copy: Microsoft moves", StringComparison.Ordinal));
        var knowledge = _knowledge.Open();

        var synced = Assert.Single(knowledge.Sync(TestContext.Current.CancellationToken).Problems);
        var validated = Assert.Single(knowledge.Validate());

        Assert.Equal((copy, 3), (validated.Path, validated.Line));
        Assert.Equal((copy, 3), (synced.Path, synced.Line));
    }

    [Theory]
    [InlineData(1.0, false)]
    [InlineData(0.7, true)]
    [InlineData(0.0, true)]
    public void Ask_AnswersOnlyAtOrAboveMinConfidence_WhenOptionIsSet(double minConfidence, bool answered)
    {
        Write(NvidiaPath, Gpt4oPath, PhiMitPath);
        var options = _knowledge.Options;
        options.MinConfidence = minConfidence;
        var knowledge = _knowledge.Open(options);
        knowledge.Sync(TestContext.Current.CancellationToken);

        var answer = knowledge.Ask("How many transistors does Blackwell pack?");

        Assert.Equal(answered, answer.Answered);
        Assert.Equal(NvidiaUrl, answered ? answer.Results[0].Article.Url.AbsoluteUri : answer.Closest[0].Url.AbsoluteUri);
        Assert.InRange(answer.Confidence, 0.7, 0.99);
    }

    [Fact]
    public void Ask_ReturnsConfiguredNumberOfResults_WhenOptionsTopIsSet()
    {
        SampleArticles.WriteAll(_knowledge);
        var options = _knowledge.Options;
        options.Top = 1;
        var knowledge = _knowledge.Open(options);
        knowledge.Sync(TestContext.Current.CancellationToken);

        var answer = knowledge.Ask("Phi-2");

        Assert.Single(answer.Results);
        Assert.True(answer.HasMore);
    }

    [Fact]
    public void Validate_ReportsProblemsWithoutTouchingTheIndex()
    {
        Write(PhiMitPath);
        var knowledge = _knowledge.OpenSynced();
        var broken = _knowledge.Write("2024/broken.md", "no front matter");

        var problem = Assert.Single(knowledge.Validate());

        Assert.Equal(broken, problem.Path);
        Assert.Equal(1, knowledge.Stats.Articles);
    }

    [Fact]
    public void Ask_ListsArticleAddedSinceTheLastAnswer_AmongRelatedArticles()
    {
        Write(PhiMitPath, PhiReleasePath, Gpt4oPath, LlamaPath);
        var knowledge = _knowledge.OpenSynced();
        var before = knowledge.Ask(PhiQuestion, new AskOptions(Top: 1));
        Assert.DoesNotContain(Phi3Url, before.Related.Select(r => r.Url.AbsoluteUri));

        Write(Phi3Path);
        knowledge.Sync(TestContext.Current.CancellationToken);
        var after = knowledge.Ask(PhiQuestion, new AskOptions(Top: 1));

        Assert.Equal(PhiMitUrl, after.Results[0].Article.Url.AbsoluteUri);
        Assert.Contains(Phi3Url, after.Related.Select(r => r.Url.AbsoluteUri));
    }

    [Fact]
    public void Ask_Throws_WhenQuestionIsNull()
    {
        var knowledge = _knowledge.Open();

        Assert.Throws<ArgumentNullException>(() => knowledge.Ask(null!));
    }

    private void Write(params string[] paths) => SampleArticles.Write(_knowledge, paths);
}
