using Lucene.Net.Analysis;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using NewsBot.Knowledge.Analysis;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace NewsBot.Knowledge.Indexing;

/// <summary>
/// The Lucene index on disk: one <see cref="IndexWriter"/> for the process and a <see cref="SearcherManager"/>
/// for readers. When another process holds the write lock (a running bot while the CLI answers), the index
/// opens read-only on its last commit. The lock is <see cref="WriterLock"/>, beside the index, taken before Lucene's own.
/// </summary>
internal sealed class ArticleIndex : IDisposable
{
    private readonly LuceneDirectory _directory;
    private readonly IndexWriter? _writer;
    private readonly WriterLock? _writerLock;
    private readonly SearcherManager _searchers;

    private ArticleIndex(LuceneDirectory directory, IndexWriter? writer, WriterLock? writerLock, SearcherManager searchers, Analyzer analyzer)
    {
        _directory = directory;
        _writer = writer;
        _writerLock = writerLock;
        _searchers = searchers;
        Analyzer = analyzer;
    }

    public static Similarity Similarity { get; } = new BM25Similarity(AnswerDefaults.K1, AnswerDefaults.B);

    public Analyzer Analyzer { get; }

    public bool IsReadOnly => _writer is null;

    /// <summary>Why the index on disk could not be opened and was started afresh (the next sync re-indexes every
    /// article); null when it opened.</summary>
    public string? Damage { get; private init; }

    public IndexWriter Writer => _writer ?? throw new InvalidOperationException(
        "The index is read-only: another NewsBot process (the bot?) holds its write lock. Stop it or use another --data folder to re-index.");

    /// <summary>Opens (or creates) the index in <paramref name="path"/>.</summary>
    public static ArticleIndex Open(string path, Similarity? similarity = null)
    {
        System.IO.Directory.CreateDirectory(path);
        var directory = FSDirectory.Open(path);
        var analyzer = new NewsAnalyzer();
        var factory = new SimilaritySearcherFactory(similarity ?? Similarity);
        IndexWriterConfig Config(OpenMode mode) => new(NewsAnalyzer.Version, analyzer)
        {
            OpenMode = mode,
            Similarity = similarity ?? Similarity,
            RAMBufferSizeMB = 64,
        };

        // Another writer holds the index: answers read its last commit.
        ArticleIndex ReadOnly() => new(directory, null, null, new SearcherManager(directory, factory), analyzer);

        var writerLock = WriterLock.TryTake(path.TrimEnd(System.IO.Path.DirectorySeparatorChar) + ".lock");
        if (writerLock is null)
        {
            return DirectoryReader.IndexExists(directory)
                ? ReadOnly()
                : throw new LockObtainFailedException($"Another NewsBot process is creating the index in {path}; try again when it has finished.");
        }

        try
        {
            IndexWriter writer;
            var damage = (string?)null;
            try
            {
                writer = new IndexWriter(directory, Config(OpenMode.CREATE_OR_APPEND));
            }
            catch (Exception exception) when (exception is CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException or FileNotFoundException)
            {
                // The index is derived from the articles: one that cannot be opened (a commit lost to a crash or to a
                // writer of an older version) is rebuilt from them by the next sync, instead of keeping the bot down.
                damage = exception.Message;
                writer = new IndexWriter(directory, Config(OpenMode.CREATE));
            }

            return new ArticleIndex(directory, writer, writerLock, new SearcherManager(writer, applyAllDeletes: true, factory), analyzer) { Damage = damage };
        }
        catch (LockObtainFailedException) when (DirectoryReader.IndexExists(directory))
        {
            // Lucene's own lock, held by an index open in this process.
            writerLock.Dispose();
            return ReadOnly();
        }
        catch
        {
            writerLock.Dispose();
            throw;
        }
    }

    public SearcherLease Lease() => new(_searchers);

    /// <summary>User data of the last commit (schema version, last sync time).</summary>
    public IDictionary<string, string> CommitData
    {
        get
        {
            if (_writer is not null)
            {
                return _writer.CommitData ?? new Dictionary<string, string>();
            }

            var commits = DirectoryReader.ListCommits(_directory);
            return commits.Count == 0 ? new Dictionary<string, string>() : commits[^1].UserData;
        }
    }

    /// <summary>Commits pending changes with <paramref name="userData"/> and makes them visible to searchers.</summary>
    public void Commit(IDictionary<string, string> userData)
    {
        Writer.SetCommitData(userData);
        Writer.Commit();
        _searchers.MaybeRefreshBlocking();
    }

    /// <summary>Makes uncommitted changes visible to searchers (near-real-time), without a commit.</summary>
    public void Refresh() => _searchers.MaybeRefreshBlocking();

    public void Dispose()
    {
        _searchers.Dispose();
        if (_writer is not null)
        {
            // Uncommitted changes are dropped, like a killed process would drop them: only syncs commit.
            _writer.Rollback();
        }

        _writerLock?.Dispose();
        _directory.Dispose();
        Analyzer.Dispose();
    }

    private sealed class SimilaritySearcherFactory(Similarity similarity) : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = similarity };
    }
}
