using System.Diagnostics;
using System.Globalization;
using Lucene.Net.Index;
using NewsBot.Knowledge.Articles;
using NewsBot.Knowledge.Passages;
using F = NewsBot.Knowledge.Indexing.IndexFields;

namespace NewsBot.Knowledge.Indexing;

/// <summary>
/// Brings the index in line with the knowledge folder. Unchanged files (same content hash) are not even
/// parsed; added and changed ones replace their article's block of documents atomically; deleted ones are
/// removed. A file with errors is skipped and an earlier good version of it stays served. Changes are
/// committed every <see cref="CommitEvery"/> articles and at the end, so a killed sync leaves the last
/// commit usable and the next sync completes the work.
/// </summary>
internal sealed class IndexSynchronizer(ArticleIndex index, PassageSplitter splitter, TimeProvider time)
{
    public int CommitEvery { get; init; } = 5000;

    public SyncReport Sync(string knowledgeRoot, ArticleCatalog catalog, CancellationToken cancellationToken)
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
        }

        var files = KnowledgeFolder.Files(knowledgeRoot);
        var onDisk = new HashSet<string>(files.Select(f => f.RelativePath), StringComparer.Ordinal);
        var candidates = new List<(ArticleFile File, Article Article, ReadResult Read, FileStamp Stamp)>();
        var kept = new List<IndexedArticle>();
        int unchanged = 0, skipped = 0;

        // Reading, hashing and parsing files is independent work: spread it over the cores, then take the
        // results in path order so that reports and duplicate decisions stay deterministic.
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount };
        var examined = new Examination[files.Count];
        Parallel.For(0, files.Count, parallel, i => examined[i] = Examine(files[i], catalog, now));

        for (var i = 0; i < files.Count; i++)
        {
            var (previous, isUnchanged, readProblem, result, stamp) = examined[i];
            if (isUnchanged)
            {
                unchanged++;
                kept.Add(previous!);
                continue;
            }

            if (readProblem is not null)
            {
                problems.Add(readProblem);
                skipped++;
                KeepPrevious(previous, kept);
                continue;
            }

            problems.AddRange(result!.Problems);
            if (result.Article is null)
            {
                skipped++;
                KeepPrevious(previous, kept);
                continue;
            }

            candidates.Add((files[i], result.Article, result, stamp));
        }

        using var seen = new SeenLedger(index, catalog);

        // Urls and ids must be unique: what stays served claims first, then new and changed files in path order.
        var claims = new ClaimRegistry();
        foreach (var article in kept)
        {
            claims.TryClaim(article.Info.Id, article.Info.Url.AbsoluteUri, article.Info.RelativePath, out _, out _);
        }

        int added = 0, updated = 0;
        var accepted = new List<(Article Article, FileStamp Stamp, DateTimeOffset FirstSeen)>();
        foreach (var (file, article, read, stamp) in candidates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var url = article.Url.AbsoluteUri;
            if (!claims.TryClaim(article.Id, url, article.RelativePath, out var field, out var conflict))
            {
                problems.Add(new ArticleProblem(file.DisplayPath, read.LineOf(field), ProblemSeverity.Error, conflict));
                skipped++;
                if (catalog.ByPath.TryGetValue(file.RelativePath, out var previous))
                {
                    kept.Add(previous);
                }

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

            accepted.Add((article, stamp, firstSeen));
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

        var removedPaths = new List<string>();
        foreach (var path in catalog.ByPath.Keys)
        {
            if (!onDisk.Contains(path))
            {
                writer.DeleteDocuments(new Term(F.Path, path));
                removedPaths.Add(path);
            }
        }

        var removed = removedPaths.Count;

        index.Commit(CommitData(time.GetUtcNow()));
        clock.Stop();
        Catalog = catalog.With(written, removedPaths);
        return new SyncReport(added, updated, removed, unchanged, skipped, Catalog.Count, Catalog.Passages, clock.Elapsed, problems);
    }

    /// <summary>The catalog after the last completed <see cref="Sync"/>.</summary>
    public ArticleCatalog? Catalog { get; private set; }

    /// <summary>Reads what one file needs: nothing when its size and time are unchanged, else its bytes, hash and parse.</summary>
    private static Examination Examine(ArticleFile file, ArticleCatalog catalog, DateTimeOffset now)
    {
        catalog.ByPath.TryGetValue(file.RelativePath, out var previous);
        if (previous is not null && previous.Stamp == file.Stamp)
        {
            // Same size and modification time as when the folder was listed: not even read.
            return new Examination(previous, true, null, null, file.Stamp);
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file.FullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new Examination(previous, false, new ArticleProblem(file.DisplayPath, 1, ProblemSeverity.Error, $"cannot read the file: {ex.Message}"), null, default);
        }

        if (previous is not null && previous.ContentHash == ArticleReader.Hash(bytes))
        {
            // Touched but not changed: the content hash decides.
            return new Examination(previous, true, null, null, file.Stamp);
        }

        return new Examination(previous, false, null, ArticleReader.Read(bytes, file.RelativePath, file.DisplayPath, now), file.Stamp);
    }

    private static void KeepPrevious(IndexedArticle? previous, List<IndexedArticle> kept)
    {
        if (previous is not null)
        {
            kept.Add(previous);
        }
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
    private sealed record Examination(IndexedArticle? Previous, bool Unchanged, ArticleProblem? ReadProblem, ReadResult? Read, FileStamp Stamp);

    /// <summary>Who owns each url and id in this sync.</summary>
    private sealed class ClaimRegistry
    {
        private readonly Dictionary<string, string> _urls = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _ids = new(StringComparer.Ordinal);

        /// <param name="field">The front matter field in conflict: "url" or "id".</param>
        public bool TryClaim(string id, string url, string path, out string field, out string conflict)
        {
            if (_urls.TryGetValue(url, out var urlOwner) && urlOwner != path)
            {
                field = "url";
                conflict = $"duplicate url {url}: already used by {urlOwner}";
                return false;
            }

            if (_ids.TryGetValue(id, out var idOwner) && idOwner != path)
            {
                field = "id";
                conflict = $"duplicate id '{id}': already used by {idOwner}";
                return false;
            }

            _urls[url] = path;
            _ids[id] = path;
            field = conflict = string.Empty;
            return true;
        }
    }
}
