using NewsBot.Knowledge.Articles;
using NewsBot.Knowledge.Curation.Drafts;
using NewsBot.Knowledge.Curation.Extraction;
using NewsBot.Knowledge.Curation.Feeds;
using NewsBot.Knowledge.Curation.Web;

namespace NewsBot.Knowledge.Curation;

/// <summary>
/// Where curators turn web pages into articles: <see cref="AddAsync(Uri, CancellationToken)"/> drafts a page into
/// <c>_drafts/&lt;year&gt;/&lt;slug&gt;.md</c> (never indexed), <see cref="Publish"/> moves a draft that lints clean
/// into <c>&lt;year&gt;/</c> where the collection picks it up, <see cref="DraftFromFeedsAsync"/> drafts the new stories
/// of the feeds in <c>_feeds.yml</c>. Works on files only: the command line and the bot share it, and the running
/// bot's file watcher does the indexing. Thread-safe.
/// </summary>
public sealed class CurationDesk : IDisposable
{
    private readonly string _root;
    private readonly TimeProvider _time;
    private readonly PageFetcher _fetcher;
    private readonly PageDrafter _drafter;
    private readonly DraftFolder _drafts;

    // Writes, moves and deletes one at a time, so that two drafts never take the same name or url.
    private readonly SemaphoreSlim _files = new(1, 1);

    public CurationDesk(string knowledgePath, FetchLimits limits, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(knowledgePath);
        ArgumentNullException.ThrowIfNull(limits);
        _root = Path.GetFullPath(knowledgePath);
        _time = time ?? TimeProvider.System;
        _fetcher = new PageFetcher(limits, _time);
        _drafter = new PageDrafter(_fetcher);
        _drafts = new DraftFolder(_root);
    }

    public string KnowledgePath => _root;

    /// <summary>A path as curators type it: relative to the working directory when inside it.</summary>
    public static string DisplayPath(string fullPath) => KnowledgeFolder.DisplayPath(fullPath);

    /// <summary><c>_feeds.yml</c> in the knowledge folder.</summary>
    public string FeedsFile => Path.Combine(_root, CurationFolders.FeedsFile);

    /// <summary>
    /// Drafts the page at <paramref name="url"/>. An address already in the collection or in a draft (also after
    /// redirects, or as the page's canonical address) is not drafted again; a page that cannot be fetched writes nothing.
    /// </summary>
    public Task<AddResult> AddAsync(Uri url, CancellationToken cancellationToken = default) =>
        AddAsync(url, null, null, cancellationToken);

    /// <summary>Drafts <paramref name="url"/> and publishes the draft when it lints clean.</summary>
    public async Task<AddResult> AddAndPublishAsync(Uri url, CancellationToken cancellationToken = default)
    {
        var added = await AddAsync(url, cancellationToken).ConfigureAwait(false);
        if (added.Status != AddStatus.Drafted || !added.LintsClean || added.Draft is null)
        {
            return added;
        }

        var published = Publish(added.Draft.Path);
        return published.Published
            ? added with { Status = AddStatus.Published, Message = published.Message, PublishedPath = published.Path }
            : added with { Message = published.Message, Problems = published.Problems };
    }

    private async Task<AddResult> AddAsync(Uri url, FeedHints? hints, KnownUrls? known, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (known is null)
        {
            // Checked before fetching: an address already here is not fetched at all.
            known = KnownUrls.Scan(_root);
        }

        if (known.Find(url) is { } existing)
        {
            return AddResult.Duplicate(url, existing);
        }

        DraftContent content;
        List<string> checks;
        try
        {
            (content, checks) = await _drafter.DraftAsync(url, hints, cancellationToken).ConfigureAwait(false);
        }
        catch (FetchException ex)
        {
            return AddResult.Failed(url, ex.Message);
        }

        await _files.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // The page may have moved, or name another address as its own, that is already here.
            if (known.Find(content.Url) is { } same)
            {
                return AddResult.Duplicate(url, same);
            }

            var path = DraftWriter.Write(_root, content, _time.GetUtcNow());
            known.Add(url, path);
            known.Add(content.Url, path);
            var problems = DraftLint.Check(_root, path, _time.GetUtcNow());
            var draft = _drafts.Read(path) ?? throw new InvalidOperationException($"The draft just written cannot be read: {path}");
            return new AddResult(AddStatus.Drafted, url, $"drafted {KnowledgeFolder.DisplayPath(path)}", draft, checks, problems);
        }
        finally
        {
            _files.Release();
        }
    }

    /// <summary>
    /// Publishes a reviewed draft: when it lints clean (the same rules as <c>lint</c>, and no article of the collection
    /// has its url or id), it moves to <c>&lt;year of published&gt;/&lt;file name&gt;</c>.
    /// </summary>
    /// <param name="draftPath">A file under <c>_drafts/</c> (absolute, or relative to the working directory).</param>
    public PublishResult Publish(string draftPath)
    {
        ArgumentNullException.ThrowIfNull(draftPath);
        var full = Path.GetFullPath(draftPath);
        if (!_drafts.Contains(full))
        {
            return new PublishResult(false, null, $"{draftPath} is not a draft: drafts are the .md files under {KnowledgeFolder.DisplayPath(CurationFolders.DraftsPath(_root))}", []);
        }

        _files.Wait();
        try
        {
            if (!File.Exists(full))
            {
                return new PublishResult(false, null, $"no draft {KnowledgeFolder.DisplayPath(full)} (published or discarded already?)", []);
            }

            var problems = DraftLint.Check(_root, full, _time.GetUtcNow());
            if (problems.Any(p => p.Severity == ProblemSeverity.Error))
            {
                return new PublishResult(false, null, $"not published: {KnowledgeFolder.DisplayPath(full)} has lint errors; fix them and publish again", problems);
            }

            var target = Path.GetFullPath(Path.Combine(_root, DraftLint.TargetRelativePath(full)));
            if (File.Exists(target))
            {
                return new PublishResult(false, null, $"not published: {KnowledgeFolder.DisplayPath(target)} already exists; rename the draft", problems);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(full, target);
            _drafts.RemoveIfEmpty(Path.GetDirectoryName(full)!);
            return new PublishResult(true, target, $"published {KnowledgeFolder.DisplayPath(target)}", problems);
        }
        finally
        {
            _files.Release();
        }
    }

    /// <summary>Publishes the draft with this id ("2024/phi-2-goes-mit").</summary>
    public PublishResult PublishDraft(string id) =>
        _drafts.PathOf(id) is { } path
            ? Publish(path)
            : new PublishResult(false, null, $"no draft '{id}'", []);

    /// <summary>Deletes the draft with this id; false when there is none.</summary>
    public bool Discard(string id)
    {
        if (_drafts.PathOf(id) is not { } path)
        {
            return false;
        }

        _files.Wait();
        try
        {
            if (!File.Exists(path))
            {
                return false;
            }

            File.Delete(path);
            _drafts.RemoveIfEmpty(Path.GetDirectoryName(path)!);
            return true;
        }
        finally
        {
            _files.Release();
        }
    }

    /// <summary>Every waiting draft, oldest folder first, then by name.</summary>
    public IReadOnlyList<Draft> Drafts() => _drafts.All();

    public Draft? FindDraft(string id) => _drafts.PathOf(id) is { } path && File.Exists(path) ? _drafts.Read(path) : null;

    /// <summary>A draft's lint findings, as <c>lint</c> would report them once published.</summary>
    public IReadOnlyList<ArticleProblem> Lint(Draft draft)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return DraftLint.Check(_root, draft.Path, _time.GetUtcNow());
    }

    /// <summary>
    /// Reads <c>_feeds.yml</c>, and drafts each feed's stories that are neither in the collection nor drafted yet, at
    /// most <paramref name="maxNewPerFeed"/> per feed (the rest wait for the next pass). A feed or page that fails is
    /// reported and the others go on. Throws <see cref="FeedListException"/> when <c>_feeds.yml</c> is broken.
    /// </summary>
    public async Task<FeedRun> DraftFromFeedsAsync(int maxNewPerFeed, CancellationToken cancellationToken = default)
    {
        var sources = FeedList.Read(FeedsFile);
        var known = KnownUrls.Scan(_root);
        var reports = new List<FeedReport>();
        foreach (var source in sources)
        {
            List<FeedItem> items;
            try
            {
                var feed = await _fetcher.FetchAsync(source.Url, FeedParser.IsFeedType, "an RSS or Atom feed", cancellationToken).ConfigureAwait(false);
                items = FeedParser.Parse(feed);
            }
            catch (FetchException ex)
            {
                reports.Add(new FeedReport(source.Url, 0, 0, [], ex.Message));
                continue;
            }

            var added = new List<AddResult>();
            var knownItems = 0;
            var deferred = 0;
            foreach (var item in items)
            {
                if (known.Find(item.Link) is not null)
                {
                    knownItems++;
                    continue;
                }

                if (added.Count >= maxNewPerFeed)
                {
                    deferred++;
                    continue;
                }

                var hints = new FeedHints(item.Title, item.Published, item.Summary, source.Publisher, source.Tags);
                var result = await AddAsync(item.Link, hints, known, cancellationToken).ConfigureAwait(false);
                if (result.Status == AddStatus.Duplicate)
                {
                    knownItems++;
                }
                else
                {
                    added.Add(result);
                }
            }

            reports.Add(new FeedReport(source.Url, items.Count, knownItems, added, null, deferred));
        }

        return new FeedRun(reports);
    }

    public void Dispose()
    {
        _fetcher.Dispose();
        _files.Dispose();
    }
}
