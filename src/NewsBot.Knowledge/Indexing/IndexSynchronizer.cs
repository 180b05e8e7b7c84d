using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Index;
using NewsBot.Knowledge.Articles;
using NewsBot.Knowledge.Passages;
using F = NewsBot.Knowledge.Indexing.IndexFields;

namespace NewsBot.Knowledge.Indexing;

/// <summary>A file a sync refused for its content: its size and time then, and its problems.</summary>
internal sealed record RefusedFile(FileStamp Stamp, IReadOnlyList<ArticleProblem> Problems);

/// <summary>
/// Brings the index in line with the knowledge folder. Unchanged files (same content hash) are not even
/// parsed; added and changed ones replace their article's block of documents atomically; deleted ones are
/// removed. A file with errors is skipped and an earlier good version of it stays served. Changes are
/// committed every <see cref="CommitEvery"/> articles and at the end, so a killed sync leaves the last
/// commit usable and the next sync completes the work. A sync looks at the whole folder, or only at the
/// paths a file watcher reported (<see cref="SyncScope"/>). A sync that committed along the way (a first build or a
/// schema rebuild of a large collection) leaves at most <see cref="SegmentsAfterBulkSync"/> segments behind.
/// </summary>
internal sealed class IndexSynchronizer(ArticleIndex index, PassageSplitter splitter, TimeProvider time)
{
    public int CommitEvery { get; init; } = 5000;

    /// <summary>
    /// Segments left by a sync that committed in chunks: each chunk's commit writes a segment, and Lucene's merge
    /// policy keeps up to ten similar ones, so 50,000 articles stayed in eleven. Every answer then pays each segment's
    /// term lookups and postings set-up again: merged to two, an answer at 50,000 articles took about a fifth less
    /// (docs/benchmarks.md). Only the small segments are merged (the largest stays), once per large sync; a live
    /// reload of a few files never commits in chunks and never waits for it.
    /// </summary>
    public const int SegmentsAfterBulkSync = 2;

    /// <summary>Largest article file read, in bytes (<see cref="KnowledgeOptions.MaxArticleBytes"/>).</summary>
    public int MaxArticleBytes { get; init; } = KnowledgeOptions.DefaultMaxArticleBytes;

    /// <summary>
    /// Files an earlier sync refused for their content (errors, too large), with the size and time they had and their
    /// problems: while those are the same, the file is not read again and the same problems are reported.
    /// </summary>
    public IReadOnlyDictionary<string, RefusedFile> RefusedBefore { get; init; } = new Dictionary<string, RefusedFile>();

    public SyncReport Sync(string knowledgeRoot, ArticleCatalog catalog, CancellationToken cancellationToken) =>
        Sync(knowledgeRoot, catalog, null, cancellationToken);

    /// <param name="changedPaths">
    /// Null to sync the whole folder; else only these files and folders (see <see cref="SyncScope.Of"/>), as a file
    /// watcher reports them. A schema change always syncs the whole folder.
    /// </param>
    public SyncReport Sync(string knowledgeRoot, ArticleCatalog catalog, IReadOnlyCollection<string>? changedPaths, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var now = time.GetUtcNow();
        var problems = new List<ArticleProblem>();
        var writer = index.Writer;
        if (!Directory.Exists(knowledgeRoot))
        {
            // A wrong path or an unmounted volume must not empty the collection: change nothing.
            problems.Add(new ArticleProblem(KnowledgeFolder.DisplayPath(Path.GetFullPath(knowledgeRoot)), 1, ProblemSeverity.Error, "knowledge folder not found; nothing was changed"));
            return new SyncReport(0, 0, 0, catalog.Count, 0, catalog.Count, catalog.Passages, clock.Elapsed, problems);
        }

        if (index.CommitData.TryGetValue(F.SchemaKey, out var schema) ? schema != F.SchemaVersion : catalog.Count > 0)
        {
            catalog = Rebuild(catalog);
            changedPaths = null;
        }

        var scope = changedPaths is null ? SyncScope.Everything(knowledgeRoot, catalog) : SyncScope.Of(knowledgeRoot, changedPaths, catalog);
        var files = scope.Files;
        var candidates = new List<(ArticleFile File, Article Article, ReadResult Read)>();
        var refused = new List<string>();
        int unchanged = 0, skipped = 0;

        // Reading, hashing and parsing files is independent work: spread it over the cores, then take the
        // results in path order so that reports and duplicate decisions stay deterministic.
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        var examined = new Examination[files.Count];
        Parallel.For(0, files.Count, parallel, i => examined[i] = Examine(files[i], catalog, now));

        // Links the walk did not follow are refused like files with errors.
        problems.AddRange(scope.Refused);
        skipped += scope.Refused.Count;
        // A whole-folder sync examines every file, so it starts afresh; a sync of a few paths keeps what it did not look at.
        var refusedFiles = changedPaths is null
            ? new Dictionary<string, RefusedFile>(StringComparer.Ordinal)
            : new Dictionary<string, RefusedFile>(RefusedBefore, StringComparer.Ordinal);
        for (var i = 0; i < files.Count; i++)
        {
            var (isUnchanged, readProblem, result) = examined[i];
            var file = files[i];
            refusedFiles.Remove(file.RelativePath);
            if (isUnchanged)
            {
                unchanged++;
                continue;
            }

            if (readProblem is not null)
            {
                // An earlier good version, if any, stays served. An unreadable file is tried again (permissions change
                // without its time changing); one too large is not, until its size or time changes.
                problems.Add(readProblem);
                skipped++;
                if (file.Stamp.Size > MaxArticleBytes)
                {
                    refusedFiles[file.RelativePath] = new RefusedFile(file.Stamp, [readProblem]);
                }
                else
                {
                    refused.Add(file.RelativePath);
                }

                continue;
            }

            problems.AddRange(result!.Problems);
            if (result.Article is null)
            {
                skipped++;
                refusedFiles[file.RelativePath] = new RefusedFile(file.Stamp, result.Problems);
                continue;
            }

            candidates.Add((files[i], result.Article, result));
        }

        using var seen = new SeenLedger(index, catalog);

        // Urls and ids must be unique: what stays served keeps its claims, then new and changed files claim in path order.
        var released = new HashSet<string>(scope.Removed, StringComparer.Ordinal);
        released.UnionWith(candidates.Select(c => c.File.RelativePath));
        var claims = new ClaimRegistry(catalog, released);

        int added = 0, updated = 0;
        var accepted = new List<(Article Article, FileStamp Stamp, DateTimeOffset FirstSeen)>();
        foreach (var (file, article, read) in candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var url = article.Url.AbsoluteUri;
            if (!claims.TryClaim(article.Id, url, article.RelativePath, out var field, out var conflict))
            {
                problems.Add(new ArticleProblem(file.DisplayPath, read.LineOf(field), ProblemSeverity.Error, conflict));
                skipped++;
                refused.Add(file.RelativePath);
                continue;
            }

            if (catalog.ByPath.ContainsKey(file.RelativePath))
            {
                updated++;
            }
            else
            {
                added++;
            }

            if (seen.FirstSeen(url) is not { } firstSeen)
            {
                firstSeen = now;
                seen.Add(url, now);
                writer.AddDocument(ArticleDocuments.Seen(url, now));
            }

            accepted.Add((article, file.Stamp, firstSeen));
        }

        // IndexWriter takes documents from several threads at once; each chunk is committed as it completes.
        var written = new IndexedArticle[accepted.Count];
        for (var chunk = 0; chunk < accepted.Count; chunk += CommitEvery)
        {
            var end = Math.Min(chunk + CommitEvery, accepted.Count);
            Parallel.For(chunk, end, parallel, i =>
            {
                var (article, stamp, firstSeen) = accepted[i];
                var split = splitter.Split(article.Blocks);
                writer.UpdateDocuments(new Term(F.Path, article.RelativePath), ArticleDocuments.Build(article, split, firstSeen, stamp));
                written[i] = new IndexedArticle(
                    new ArticleInfo(article.Id, article.RelativePath, article.Title, article.Url, article.Published, article.Updated, article.Source, article.Tags, article.Summary, firstSeen, split.Count, ArticleLead.Of(article)),
                    article.ContentHash,
                    stamp);
            });
            if (end < accepted.Count)
            {
                index.Commit(CommitData(now));
            }
        }

        foreach (var path in scope.Removed)
        {
            writer.DeleteDocuments(new Term(F.Path, path));
        }

        var committed = CommitData(time.GetUtcNow());
        index.Commit(committed);
        if (accepted.Count > CommitEvery)
        {
            // After the sync's own commit: a merge that fails or is killed loses none of its work.
            writer.ForceMerge(SegmentsAfterBulkSync);
            index.Commit(committed);
        }

        clock.Stop();
        Catalog = catalog.With(written, scope.Removed);
        Refused = refused;
        RefusedFiles = refusedFiles;
        return new SyncReport(added, updated, scope.Removed.Count, unchanged, skipped, Catalog.Count, Catalog.Passages, clock.Elapsed, problems);
    }

    /// <summary>The catalog after the last completed sync.</summary>
    public ArticleCatalog? Catalog { get; private set; }

    /// <summary>
    /// Files the last completed sync refused for a reason outside their own text: unreadable, or a url or id another
    /// file holds. A change elsewhere can let them in, so a sync of changed paths looks at them again.
    /// </summary>
    public IReadOnlyList<string> Refused { get; private set; } = [];

    /// <summary>Files the last completed sync refused for their content, to pass as <see cref="RefusedBefore"/> to the next.</summary>
    public IReadOnlyDictionary<string, RefusedFile> RefusedFiles { get; private set; } = new Dictionary<string, RefusedFile>();

    /// <summary>Reads what one file needs: nothing when its size and time are unchanged, else its bytes, hash and parse.</summary>
    private Examination Examine(ArticleFile file, ArticleCatalog catalog, DateTimeOffset now)
    {
        catalog.ByPath.TryGetValue(file.RelativePath, out var previous);
        if (previous is not null && previous.Stamp == file.Stamp)
        {
            // Same size and modification time as when indexed: not even read.
            return Examination.Same;
        }

        if (RefusedBefore.TryGetValue(file.RelativePath, out var refusedBefore) && refusedBefore.Stamp == file.Stamp)
        {
            // Refused before with the same size and time: the same problems, without reading it again.
            return new Examination(false, null, new ReadResult(null, refusedBefore.Problems, string.Empty));
        }

        var (bytes, readProblem) = ArticleBytes.Read(file, MaxArticleBytes);
        if (bytes is null)
        {
            return new Examination(false, readProblem, null);
        }

        if (previous is not null && previous.ContentHash == ArticleReader.Hash(bytes))
        {
            // Touched but not changed: the content hash decides.
            return Examination.Same;
        }

        return new Examination(false, null, ArticleReader.Read(bytes, file.RelativePath, file.DisplayPath, now));
    }

    private ArticleCatalog Rebuild(ArticleCatalog catalog)
    {
        // Analysis or passage rules changed: drop every article but keep the "first seen" ledger.
        Dictionary<string, DateTimeOffset> seen;
        using (var lease = index.Lease())
        {
            seen = ArticleCatalog.LoadSeen(lease.Searcher);
        }

        foreach (var article in catalog.ById.Values)
        {
            seen.TryAdd(article.Info.Url.AbsoluteUri, article.Info.FirstSeen);
        }

        index.Writer.DeleteAll();
        foreach (var (url, firstSeen) in seen)
        {
            index.Writer.AddDocument(ArticleDocuments.Seen(url, firstSeen));
        }

        index.Refresh();
        return ArticleCatalog.Empty;
    }

    private static Dictionary<string, string> CommitData(DateTimeOffset now) => new()
    {
        [F.SchemaKey] = F.SchemaVersion,
        [F.LastSyncKey] = now.ToString("O", CultureInfo.InvariantCulture),
    };

    /// <summary>What reading one file found: unchanged, unreadable, or parsed (valid or not).</summary>
    private sealed record Examination(bool Unchanged, ArticleProblem? ReadProblem, ReadResult? Read)
    {
        public static Examination Same { get; } = new(true, null, null);
    }
}
