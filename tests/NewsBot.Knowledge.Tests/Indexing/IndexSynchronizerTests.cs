using Lucene.Net.Util;
using NewsBot.Knowledge.Answers;
using NewsBot.Knowledge.Indexing;
using NewsBot.Knowledge.Passages;
using NewsBot.Knowledge.Tests.Support;
using static NewsBot.Knowledge.Tests.Support.SampleArticles;

namespace NewsBot.Knowledge.Tests.Indexing;

[Collection(nameof(NonParallelGroup))]
public sealed class IndexSynchronizerTests : IDisposable
{
    private readonly TestKnowledge _knowledge = new();

    public void Dispose() => _knowledge.Dispose();

    private string IndexPath => Path.Combine(_knowledge.DataPath, "index");

    private static (int Added, int Updated, int Removed, int Unchanged, int Skipped) Counts(SyncReport report) =>
        (report.Added, report.Updated, report.Removed, report.Unchanged, report.Skipped);

    /// <summary>Opens the index with <paramref name="watcher"/> as the writer's InfoStream, so that it sees every commit.</summary>
    private ArticleIndex OpenWatched(CommitWatcher watcher)
    {
        var previous = InfoStream.Default;
        InfoStream.Default = watcher;
        try
        {
            return ArticleIndex.Open(IndexPath);
        }
        finally
        {
            InfoStream.Default = previous;
        }
    }

    private static ArticleCatalog Catalog(ArticleIndex index)
    {
        using var lease = index.Lease();
        return ArticleCatalog.Load(lease.Searcher);
    }

    /// <summary>Every sample article is among the answers to its own title.</summary>
    private static void AssertAllAnswerable(KnowledgeBase knowledge)
    {
        Assert.Equal(SampleArticles.All.Count, knowledge.Stats.Articles);
        foreach (var article in knowledge.Latest(100))
        {
            var answer = knowledge.Ask(article.Title, new AskOptions(Top: 10));
            Assert.True(
                answer.Results.Any(r => r.Article.Url == article.Url),
                $"'{article.Title}' is not answerable; results: {string.Join(", ", answer.Results.Select(r => r.Article.Url))}");
        }
    }

    [Fact]
    public void Sync_CommitsEveryFewArticles_SoThatACancelledSyncLeavesAUsableIndexThatTheNextSyncCompletes()
    {
        SampleArticles.WriteAll(_knowledge);
        using var cancel = new CancellationTokenSource();
        var watcher = new CommitWatcher(cancelAfter: 2, cancel);
        using (var index = OpenWatched(watcher))
        {
            var synchronizer = new IndexSynchronizer(index, new PassageSplitter(), _knowledge.Time) { CommitEvery = 1 };
            watcher.Armed = true;

            Assert.ThrowsAny<OperationCanceledException>(() => synchronizer.Sync(_knowledge.KnowledgePath, ArticleCatalog.Empty, cancel.Token));
            Assert.Equal(2, watcher.Commits);
        }

        var knowledge = _knowledge.Open();
        Assert.Equal(2, knowledge.Stats.Articles);
        Assert.Equal(AiActUrl, knowledge.Ask("What did the EU agree on the AI Act?").Results[0].Article.Url.AbsoluteUri);
        Assert.Equal(Gpt4Url, knowledge.Ask("When did OpenAI release GPT-4?").Results[0].Article.Url.AbsoluteUri);

        var report = knowledge.Sync(TestContext.Current.CancellationToken);

        Assert.Equal((SampleArticles.All.Count - 2, 0, 0, 2, 0), Counts(report));
        AssertAllAnswerable(knowledge);
    }

    [Fact]
    public void Sync_LeavesFewSegments_WhenItCommittedInChunks_SoThatAnswersDoNotPayForEachChunk()
    {
        SampleArticles.WriteAll(_knowledge);
        using var index = ArticleIndex.Open(IndexPath);

        new IndexSynchronizer(index, new PassageSplitter(), _knowledge.Time) { CommitEvery = 1 }.Sync(_knowledge.KnowledgePath, ArticleCatalog.Empty, CancellationToken.None);

        using var lease = index.Lease();
        Assert.InRange(lease.Searcher.IndexReader.Leaves.Count, 1, IndexSynchronizer.SegmentsAfterBulkSync);
        Assert.Equal(SampleArticles.All.Count, ArticleCatalog.Load(lease.Searcher).Count);
    }

    [Fact]
    public void Sync_CompletesWork_WhenRunAgainOnTheSameIndexAfterCancellation()
    {
        SampleArticles.WriteAll(_knowledge);
        using var cancel = new CancellationTokenSource();
        var watcher = new CommitWatcher(cancelAfter: 3, cancel);
        using (var index = OpenWatched(watcher))
        {
            var splitter = new PassageSplitter();
            watcher.Armed = true;
            Assert.ThrowsAny<OperationCanceledException>(() =>
                new IndexSynchronizer(index, splitter, _knowledge.Time) { CommitEvery = 1 }.Sync(_knowledge.KnowledgePath, ArticleCatalog.Empty, cancel.Token));
            watcher.Armed = false;

            var report = new IndexSynchronizer(index, splitter, _knowledge.Time).Sync(_knowledge.KnowledgePath, Catalog(index), CancellationToken.None);

            Assert.Equal((SampleArticles.All.Count - 3, 0, 0, 3, 0), Counts(report));
            Assert.Equal(SampleArticles.All.Count, Catalog(index).Count);
        }

        AssertAllAnswerable(_knowledge.Open());
    }

    [Fact]
    public void Sync_RebuildsEveryArticleAndKeepsFirstSeen_WhenSchemaVersionChanged()
    {
        Write(PhiMitPath, Gpt4oPath);
        _knowledge.Close(_knowledge.OpenSynced());
        using (var index = ArticleIndex.Open(IndexPath))
        {
            index.Commit(new Dictionary<string, string> { [IndexFields.SchemaKey] = "0-old", [IndexFields.LastSyncKey] = TestKnowledge.Start.ToString("O") });
        }

        _knowledge.Time.Advance(TimeSpan.FromDays(5));
        var knowledge = _knowledge.Open();

        var report = knowledge.Sync(TestContext.Current.CancellationToken);

        Assert.Equal((2, 0, 0, 0, 0), Counts(report));
        Assert.All(knowledge.Latest(10), a => Assert.Equal(TestKnowledge.Start, a.FirstSeen));
        Assert.Empty(knowledge.ArticlesSeenSince(TestKnowledge.Start.AddDays(1)));
        Assert.Equal((0, 0, 0, 2, 0), Counts(knowledge.Sync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public void Sync_KeepsServedArticle_WhenANewFileEarlierInPathOrderReusesItsUrl()
    {
        Write(PhiMitPath);
        var knowledge = _knowledge.OpenSynced();
        var early = _knowledge.Write("0000/early-copy.md", PhiMit.Replace("Microsoft moves", "Copy: Microsoft moves", StringComparison.Ordinal));

        var report = knowledge.Sync(TestContext.Current.CancellationToken);

        Assert.Equal((0, 0, 0, 1, 1), Counts(report));
        var problem = Assert.Single(report.Problems);
        Assert.Equal(early, problem.Path);
        Assert.Equal("Microsoft moves Phi-2 to the MIT licence", Assert.Single(knowledge.Latest(10)).Title);
    }

    [Fact]
    public void Sync_IndexesFirstFileInPathOrder_WhenTwoNewFilesShareAnId()
    {
        _knowledge.Write("a.md", ArticleText.Create("First Knightmare story", "https://example.org/a", "2024-01-01", ["Knightmare is a chess engine."], id: "same"));
        var second = _knowledge.Write("b.md", ArticleText.Create("Second Knightmare story", "https://example.org/b", "2024-01-02", ["Knightmare plays chess."], id: "same"));
        var knowledge = _knowledge.Open();

        var report = knowledge.Sync(TestContext.Current.CancellationToken);

        Assert.Equal((1, 0, 0, 0, 1), Counts(report));
        var problem = Assert.Single(report.Problems);
        Assert.Equal(second, problem.Path);
        Assert.Contains("duplicate id 'same': already used by a.md", problem.Message);
        Assert.Equal("First Knightmare story", Assert.Single(knowledge.Latest(10)).Title);
    }

    [Fact]
    public void Sync_SwapsArticles_WhenTwoFilesExchangeTheirUrls()
    {
        _knowledge.Write("a.md", ArticleText.Create("Alpha", "https://example.org/a", "2024-01-01", "Alpha text."));
        _knowledge.Write("b.md", ArticleText.Create("Beta", "https://example.org/b", "2024-01-02", "Beta text."));
        var knowledge = _knowledge.OpenSynced();
        _knowledge.Write("a.md", ArticleText.Create("Alpha", "https://example.org/b", "2024-01-01", "Alpha text."));
        _knowledge.Write("b.md", ArticleText.Create("Beta", "https://example.org/a", "2024-01-02", "Beta text."));

        var report = knowledge.Sync(TestContext.Current.CancellationToken);

        Assert.Equal((0, 2, 0, 0, 0), Counts(report));
        Assert.Equal(["Beta https://example.org/a", "Alpha https://example.org/b"], knowledge.Latest(10).Select(a => $"{a.Title} {a.Url}"));
    }

    private void Write(params string[] paths) => SampleArticles.Write(_knowledge, paths);

    /// <summary>Watches the index writer's log and cancels a sync once it has committed a number of times.</summary>
    private sealed class CommitWatcher(int cancelAfter, CancellationTokenSource cancel) : InfoStream
    {
        private int _commits;

        public volatile bool Armed;

        public int Commits => _commits;

        public override bool IsEnabled(string component) => component == "IW";

        public override void Message(string component, string message)
        {
            if (Armed && component == "IW" && message.StartsWith("commit: done", StringComparison.Ordinal)
                && Interlocked.Increment(ref _commits) == cancelAfter)
            {
                cancel.Cancel();
            }
        }
    }
}
