using NewsBot.Knowledge.Tests.Support;
using static NewsBot.Knowledge.Tests.Support.SampleArticles;

namespace NewsBot.Knowledge.Tests.Indexing;

/// <summary><c>Sync(changedPaths)</c>: what a file watcher reported is synced with the same rules as a full sync, and nothing else.</summary>
[Collection(nameof(NonParallelGroup))]
public sealed class ChangedPathSyncTests : IDisposable
{
    private readonly TestKnowledge _knowledge = new();

    public void Dispose() => _knowledge.Dispose();

    private static (int Added, int Updated, int Removed, int Unchanged, int Skipped) Counts(SyncReport report) =>
        (report.Added, report.Updated, report.Removed, report.Unchanged, report.Skipped);

    private string Full(string relativePath) => Path.Combine(_knowledge.KnowledgePath, relativePath);

    private KnowledgeBase Synced(params string[] paths)
    {
        SampleArticles.Write(_knowledge, paths);
        return _knowledge.OpenSynced();
    }

    private static string[] Urls(KnowledgeBase knowledge) => knowledge.Latest(100).Select(a => a.Url.AbsoluteUri).Order(StringComparer.Ordinal).ToArray();

    [Fact]
    public void Sync_IndexesTheReportedFile_AndLeavesUnreportedChangesForTheNextFullSync()
    {
        var knowledge = Synced(PhiMitPath);
        SampleArticles.Write(_knowledge, Gpt4oPath, LlamaPath);

        var report = knowledge.Sync([Full(Gpt4oPath)], TestContext.Current.CancellationToken);

        Assert.Equal((1, 0, 0, 0, 0), Counts(report));
        Assert.Equal([Gpt4oUrl, PhiMitUrl], Urls(knowledge));
        Assert.Equal((1, 0, 0, 2, 0), Counts(knowledge.Sync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public void Sync_UpdatesAnswers_WhenTheReportedFileChanged()
    {
        var knowledge = Synced(PhiMitPath, Gpt4oPath);
        _knowledge.Write(PhiMitPath, PhiMit + "\nThe Zorblax toolkit now ships with Phi-2.\n");

        var report = knowledge.Sync([Full(PhiMitPath)], TestContext.Current.CancellationToken);

        Assert.Equal((0, 1, 0, 0, 0), Counts(report));
        Assert.Equal(PhiMitUrl, knowledge.Ask("What ships with the Zorblax toolkit?").Results[0].Article.Url.AbsoluteUri);
    }

    [Fact]
    public void Sync_ReportsNothingChanged_WhenTheReportedFileWasTouchedButNotChanged()
    {
        var knowledge = Synced(PhiMitPath);
        File.SetLastWriteTimeUtc(Full(PhiMitPath), DateTime.UtcNow.AddMinutes(5));

        var report = knowledge.Sync([Full(PhiMitPath)], TestContext.Current.CancellationToken);

        Assert.Equal((0, 0, 0, 1, 0), Counts(report));
    }

    [Fact]
    public void Sync_RemovesTheArticle_WhenTheReportedFileWasDeleted()
    {
        var knowledge = Synced(PhiMitPath, Gpt4oPath);
        _knowledge.Delete(PhiMitPath);

        var report = knowledge.Sync([Full(PhiMitPath)], TestContext.Current.CancellationToken);

        Assert.Equal((0, 0, 1, 0, 0), Counts(report));
        Assert.Equal([Gpt4oUrl], Urls(knowledge));
        Assert.Equal((0, 0, 0, 1, 0), Counts(knowledge.Sync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public void Sync_RemovesEveryArticleOfAReportedFolder_WhenItWasRenamedToADraftFolder()
    {
        var knowledge = Synced(PhiMitPath, Gpt4oPath, Gpt4Path);
        Directory.Move(Full("2024"), Full("_2024"));

        var report = knowledge.Sync([Full("2024"), Full("_2024")], TestContext.Current.CancellationToken);

        Assert.Equal((0, 0, 2, 0, 0), Counts(report));
        Assert.Equal([Gpt4Url], Urls(knowledge));
    }

    [Fact]
    public void Sync_IndexesEveryArticleOfAReportedFolder_WhenItWasMovedIn()
    {
        var knowledge = Synced(Gpt4Path);
        _knowledge.Write("_incoming/" + PhiMitPath, PhiMit);
        Directory.Move(Full("_incoming/2024"), Full("2024"));

        var report = knowledge.Sync([Full("2024")], TestContext.Current.CancellationToken);

        Assert.Equal((1, 0, 0, 0, 0), Counts(report));
        Assert.Equal([Gpt4Url, PhiMitUrl], Urls(knowledge));
    }

    [Fact]
    public void Sync_RefusesADuplicateUrl_AndServesThatFileOnceTheFileHoldingTheUrlIsDeleted()
    {
        var knowledge = Synced(PhiMitPath);
        var copy = _knowledge.Write("2025/phi-copy.md", PhiMit.Replace("Microsoft moves", "Copy: Microsoft moves", StringComparison.Ordinal));

        var refused = knowledge.Sync([copy], TestContext.Current.CancellationToken);

        Assert.Equal((0, 0, 0, 0, 1), Counts(refused));
        var problem = Assert.Single(refused.Problems);
        Assert.Equal($"duplicate url {PhiMitUrl}: already used by {PhiMitPath}", problem.Message);
        Assert.Equal("Microsoft moves Phi-2 to the MIT licence", Assert.Single(knowledge.Latest(10)).Title);

        _knowledge.Delete(PhiMitPath);
        var report = knowledge.Sync([Full(PhiMitPath)], TestContext.Current.CancellationToken);

        Assert.Equal((1, 0, 1, 0, 0), Counts(report));
        Assert.Equal("Copy: Microsoft moves Phi-2 to the MIT licence", Assert.Single(knowledge.Latest(10)).Title);
    }

    [Fact]
    public void Sync_RefusesADuplicateId_WhenAReportedNewFileReusesAnIdOfAnUnreportedServedArticle()
    {
        _knowledge.Write("a.md", ArticleText.Create("First Knightmare story", "https://example.org/a", "2024-01-01", ["Knightmare is a chess engine."], id: "same"));
        var knowledge = _knowledge.OpenSynced();
        var second = _knowledge.Write("b.md", ArticleText.Create("Second Knightmare story", "https://example.org/b", "2024-01-02", ["Knightmare plays chess."], id: "same"));

        var report = knowledge.Sync([second], TestContext.Current.CancellationToken);

        Assert.Equal((0, 0, 0, 0, 1), Counts(report));
        Assert.Contains("duplicate id 'same': already used by a.md", Assert.Single(report.Problems).Message);
        Assert.Equal("First Knightmare story", Assert.Single(knowledge.Latest(10)).Title);
    }

    [Fact]
    public void Sync_SwapsArticles_WhenBothReportedFilesExchangedTheirUrls_AndAFullSyncThenFindsNothingToDo()
    {
        _knowledge.Write("a.md", ArticleText.Create("Alpha", "https://example.org/a", "2024-01-01", "Alpha text."));
        _knowledge.Write("b.md", ArticleText.Create("Beta", "https://example.org/b", "2024-01-02", "Beta text."));
        var knowledge = _knowledge.OpenSynced();
        var a = _knowledge.Write("a.md", ArticleText.Create("Alpha", "https://example.org/b", "2024-01-01", "Alpha text."));
        var b = _knowledge.Write("b.md", ArticleText.Create("Beta", "https://example.org/a", "2024-01-02", "Beta text."));

        var report = knowledge.Sync([b, a], TestContext.Current.CancellationToken);

        Assert.Equal((0, 2, 0, 0, 0), Counts(report));
        Assert.Equal(["Beta https://example.org/a", "Alpha https://example.org/b"], knowledge.Latest(10).Select(x => $"{x.Title} {x.Url}"));
        Assert.Equal((0, 0, 0, 2, 0), Counts(knowledge.Sync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public void Sync_KeepsFirstSeen_WhenAReportedDeletedArticleComesBack()
    {
        var knowledge = Synced(PhiMitPath);
        var content = File.ReadAllText(Full(PhiMitPath));
        _knowledge.Delete(PhiMitPath);
        knowledge.Sync([Full(PhiMitPath)], TestContext.Current.CancellationToken);
        _knowledge.Time.Advance(TimeSpan.FromDays(3));

        _knowledge.Write(PhiMitPath, content);
        knowledge.Sync([Full(PhiMitPath)], TestContext.Current.CancellationToken);

        Assert.Equal(TestKnowledge.Start, Assert.Single(knowledge.Latest(10)).FirstSeen);
        Assert.Empty(knowledge.ArticlesSeenSince(TestKnowledge.Start.AddDays(1)));
    }

    [Fact]
    public void Sync_IgnoresPathsOutsideTheFolderDraftsAndOtherFiles()
    {
        var knowledge = Synced(PhiMitPath);
        var draft = _knowledge.Write("_drafts/new.md", Gpt4o);
        var notes = _knowledge.Write("notes.txt", "not an article");
        var outside = Path.Combine(_knowledge.DataPath, "..", "outside.md");

        var report = knowledge.Sync([draft, notes, outside, Full("missing.md")], TestContext.Current.CancellationToken);

        Assert.Equal((0, 0, 0, 0, 0), Counts(report));
        Assert.Equal([PhiMitUrl], Urls(knowledge));
    }

    [Fact]
    public void Sync_LooksAtEverything_WhenTheKnowledgeFolderItselfIsReported()
    {
        var knowledge = Synced(PhiMitPath);
        SampleArticles.Write(_knowledge, Gpt4oPath);

        var report = knowledge.Sync([_knowledge.KnowledgePath], TestContext.Current.CancellationToken);

        Assert.Equal((1, 0, 0, 1, 0), Counts(report));
    }

    [Fact]
    public void Sync_LeavesTheSameCatalogAsReopeningTheIndex_AfterSeveralSyncsOfChangedPaths()
    {
        var knowledge = Synced(PhiMitPath, Gpt4oPath, LlamaPath);
        _knowledge.Delete(Gpt4oPath);
        SampleArticles.Write(_knowledge, ClaudePath);
        knowledge.Sync([Full(Gpt4oPath), Full(ClaudePath)], TestContext.Current.CancellationToken);
        _knowledge.Write(LlamaPath, Llama + "\nMeta also published a Zorblax guide.\n");
        knowledge.Sync([Full(LlamaPath)], TestContext.Current.CancellationToken);
        var (articles, passages, urls) = (knowledge.Stats.Articles, knowledge.Stats.Passages, Urls(knowledge));

        _knowledge.Close(knowledge);
        var reopened = _knowledge.Open();

        Assert.Equal((articles, passages), (reopened.Stats.Articles, reopened.Stats.Passages));
        Assert.Equal(urls, Urls(reopened));
        Assert.Equal((0, 0, 0, 3, 0), Counts(reopened.Sync(TestContext.Current.CancellationToken)));
    }
}
