using NewsBot.Knowledge.Answers;
using NewsBot.Knowledge.Articles;

namespace NewsBot.Knowledge;

/// <summary>
/// The curated collection: validates the knowledge folder, keeps the index in sync with it and answers
/// questions from it. Thread-safe: questions may be asked while a sync runs.
/// </summary>
public interface IKnowledgeBase : IDisposable
{
    /// <summary>Brings the index in line with the knowledge folder: only added, changed and deleted files are touched.</summary>
    SyncReport Sync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Syncs only <paramref name="changedPaths"/>: files and folders of the knowledge folder as a file watcher reports
    /// them (absolute, or relative to the working directory). Added, changed and deleted article files among them,
    /// and articles under a reported folder, are touched as by <see cref="Sync(CancellationToken)"/>; nothing else is
    /// looked at, so <see cref="SyncReport.Unchanged"/> counts only the files looked at. Watchers miss events: call
    /// <see cref="Sync(CancellationToken)"/> now and then too.
    /// </summary>
    SyncReport Sync(IReadOnlyCollection<string> changedPaths, CancellationToken cancellationToken = default);

    /// <summary>Answers a question from the indexed articles. Never throws on odd input.</summary>
    Answer Ask(string question, AskOptions? options = null);

    /// <summary>Reads every article file and reports every problem, without touching the index.</summary>
    IReadOnlyList<ArticleProblem> Validate();

    /// <summary>Articles whose url the index first saw at or after <paramref name="since"/> (and before <paramref name="until"/> when given), newest first.</summary>
    IReadOnlyList<ArticleInfo> ArticlesSeenSince(DateTimeOffset since, DateTimeOffset? until = null);

    /// <summary>The <paramref name="count"/> most recently published articles, newest first.</summary>
    IReadOnlyList<ArticleInfo> Latest(int count);

    /// <summary>
    /// Completes when every passage indexed so far has its vector (at once when semantic ranking is off).
    /// Answers never wait for this: passages rank by BM25 until their vector is ready.
    /// </summary>
    Task WhenVectorsReadyAsync(CancellationToken cancellationToken = default);

    /// <summary>Size of the collection, time of the last sync and progress of the vectors.</summary>
    KnowledgeStats Stats { get; }
}
