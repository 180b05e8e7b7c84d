using Microsoft.Extensions.Logging;
using NewsBot.Knowledge.Indexing;
using NewsBot.Knowledge.Semantic;
using NewsBot.Knowledge.Tests.Support;

namespace NewsBot.Knowledge.Tests.Semantic;

public sealed class VectorBackfillTests : IDisposable
{
    private readonly TestKnowledge _knowledge = new();

    public void Dispose() => _knowledge.Dispose();

    /// <summary>ONNX Runtime answers a cancelled run with an error of its own; a stop during embedding is still not a failure.</summary>
    [Fact]
    public async Task StoppingDuringEmbedding_LogsNoError()
    {
        _knowledge.Write("phi.md", SampleArticles.PhiMit);
        _knowledge.OpenSynced().Dispose();
        using var embedder = new StoppableEmbedder();
        using var index = ArticleIndex.Open(Path.Combine(_knowledge.DataPath, "index"));
        ArticleCatalog catalog;
        using (var lease = index.Lease())
        {
            catalog = ArticleCatalog.Load(lease.Searcher);
        }

        using var semantic = new SemanticIndex(index, () => catalog, embedder, VectorStore.OpenIn(_knowledge.DataPath, embedder));
        var logger = new ListLogger();
        var backfill = new VectorBackfill(semantic, 1, logger);
        backfill.Request();
        await embedder.Started.Task.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        backfill.Dispose();

        Assert.DoesNotContain(logger.Levels, level => level >= LogLevel.Error);
        Assert.Null(backfill.Problem);
    }

    private sealed class StoppableEmbedder : ITextEmbedder
    {
        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Model => "stoppable-test";

        public int Dimensions => 4;

        public float[] Embed(string text, CancellationToken cancellationToken = default)
        {
            Started.TrySetResult();
            cancellationToken.WaitHandle.WaitOne(TimeSpan.FromSeconds(30));
            throw new InvalidOperationException("Exiting due to terminate flag being set to true.");
        }

        public void Dispose()
        {
        }
    }

    private sealed class ListLogger : ILogger
    {
        public System.Collections.Concurrent.ConcurrentQueue<LogLevel> Levels { get; } = new();

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) => Levels.Enqueue(logLevel);
    }
}
