using NewsBot.Knowledge;
using NewsBot.Knowledge.Evaluation;

namespace NewsBot.Benchmarks;

/// <summary>
/// The two collections the benchmarks run on: the shipped <c>knowledge/</c> folder (50 articles) and a
/// generated one of <see cref="LargeCount"/> articles (see <see cref="ArticleGenerator"/>), with the index of the
/// generated one cached next to it in the temp folder so that each benchmark process does not rebuild it.
/// </summary>
internal static class Collections
{
    public const int LargeCount = 50_000;

    /// <summary>Benchmark parameter value for the shipped collection.</summary>
    public const string Shipped = "shipped";

    /// <summary>Benchmark parameter value for the generated collection of <see cref="LargeCount"/> articles.</summary>
    public const string Generated = "generated50k";

    public static string KnowledgePath(string collection) => collection switch
    {
        Shipped => BenchmarkPaths.ShippedKnowledge,
        Generated => ArticleGenerator.Ensure(LargeCount, log: Console.Out),
        _ => throw new ArgumentOutOfRangeException(nameof(collection), collection, "unknown collection"),
    };

    /// <summary>The data folder holding a collection's index: a fresh one for the shipped collection (it builds in
    /// well under a second), a cached one for the generated collection.</summary>
    public static string DataPath(string collection, string knowledgePath) => collection == Shipped
        ? Directory.CreateTempSubdirectory("newsbot-bench-data-").FullName
        : BenchmarkPaths.Cache("data-" + Path.GetFileName(knowledgePath));

    /// <summary>Opens the collection's knowledge base and syncs it (a no-op on an up-to-date cached index).</summary>
    public static KnowledgeBase OpenSynced(string knowledgePath, string dataPath)
    {
        // BM25 alone: the semantic figures come from the semantic-latency command.
        var knowledgeBase = KnowledgeBase.Open(new KnowledgeOptions { Path = knowledgePath, DataPath = dataPath, Semantic = false });
        var report = knowledgeBase.Sync();
        Console.WriteLine($"// Synced {knowledgePath} into {dataPath}: {report.Articles} articles, {report.Passages} passages " +
            $"(+{report.Added} ~{report.Updated} -{report.Removed} ={report.Unchanged} skipped {report.Skipped}) in {report.Elapsed.TotalMilliseconds:F0} ms");
        if (report.Skipped > 0 || report.Articles == 0)
        {
            throw new InvalidOperationException($"the collection in {knowledgePath} did not index cleanly: {string.Join("; ", report.Problems.Take(5))}");
        }

        return knowledgeBase;
    }

    /// <summary>The golden questions (answerable and not), in file order: varied wording, names and lengths.</summary>
    public static string[] Questions() => GoldenQuestion.Load(BenchmarkPaths.GoldenQuestions).Select(q => q.Question).ToArray();

    public static void DeleteQuietly(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
