using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using System.Runtime.CompilerServices;
using NewsBot.Knowledge;

namespace NewsBot.Benchmarks;

/// <summary>
/// Memory held by an open, synced knowledge base over the generated collection (not a BenchmarkDotNet benchmark:
/// one process, one measurement). <c>dotnet run -c Release --project tests/NewsBot.Benchmarks -- memory [N]</c>.
/// Three states: right after a full build into an empty data folder, after answering every golden question, and
/// after reopening the built index in a fresh knowledge base (what a restarted bot holds), once its background
/// warm-up has packed the long lists (and the longest lists' positions, within <c>POSITION_MB</c>) and again after the
/// questions.
/// </summary>
internal static class MemoryReport
{
    public static int Run(int count, int positionMegabytes)
    {
        var knowledge = ArticleGenerator.Ensure(count, log: Console.Out);
        var questions = Collections.Questions();
        var data = Directory.CreateTempSubdirectory("newsbot-bench-memory-").FullName;
        try
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{count:N0} articles in {knowledge}; GC: {(GCSettings.IsServerGC ? "server" : "workstation")}, {Environment.ProcessorCount} cores, .NET {Environment.Version}"));
            var baseline = Measure("baseline (before opening)", null);

            BuildAndAsk(knowledge, data, questions, baseline);
            Measure("after dispose", baseline);
            ReopenAndAsk(knowledge, data, questions, baseline, positionMegabytes);
            Measure("after dispose", baseline);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"index size on disk: {DirectorySize(Path.Combine(data, "index")) / 1048576.0:F1} MB"));
            return 0;
        }
        finally
        {
            Collections.DeleteQuietly(data);
        }
    }

    /// <summary>Full build into the empty data folder, then every question once. Not inlined: nothing it
    /// allocated stays reachable from the caller's frame when it returns.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void BuildAndAsk(string knowledge, string data, string[] questions, long baseline)
    {
        var clock = Stopwatch.StartNew();
        using var knowledgeBase = KnowledgeBase.Open(new KnowledgeOptions { Path = knowledge, DataPath = data, Semantic = false });
        var report = knowledgeBase.Sync();
        clock.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"full sync: {report.Articles:N0} articles, {report.Passages:N0} passages in {clock.Elapsed.TotalSeconds:F1} s ({report.Articles / clock.Elapsed.TotalSeconds:N0} articles/s)"));
        Measure("after open + full sync", baseline);
        foreach (var question in questions)
        {
            knowledgeBase.Ask(question);
        }

        Measure($"after {questions.Length} questions", baseline);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  of which posting lists packed by the questions: {NewsBot.Knowledge.Indexing.PackedPostings.PackedBytes / 1048576.0:F1} MB, positions of proximity pairs' terms: {NewsBot.Knowledge.Indexing.PackedPositions.PackedBytes / 1048576.0:F1} MB, common lists read by document: {NewsBot.Knowledge.Indexing.PackedPostings.ByDocumentBytes / 1048576.0:F1} MB (counted since the process started)"));
    }

    /// <summary>What a restarted bot holds: the built index reopened, synced (nothing changed) and asked every question.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ReopenAndAsk(string knowledge, string data, string[] questions, long baseline, int positionMegabytes)
    {
        var clock = Stopwatch.StartNew();
        using var knowledgeBase = KnowledgeBase.Open(new KnowledgeOptions { Path = knowledge, DataPath = data, Semantic = false, WarmUpPositionMegabytes = positionMegabytes });
        var report = knowledgeBase.Sync();
        clock.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"reopen + sync of the unchanged folder: {report.Unchanged:N0} unchanged in {clock.Elapsed.TotalMilliseconds:F0} ms"));
        Measure("after reopen + sync", baseline);
        clock.Restart();
        knowledgeBase.WhenWarmAsync().GetAwaiter().GetResult();
        Measure($"after the warm-up ({clock.Elapsed.TotalMilliseconds:F0} ms more)", baseline);
        ReportPacked(knowledgeBase, "after the warm-up");
        foreach (var question in questions)
        {
            knowledgeBase.Ask(question);
        }

        Measure($"after {questions.Length} questions", baseline);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  of which posting lists packed by the questions: {NewsBot.Knowledge.Indexing.PackedPostings.PackedBytes / 1048576.0:F1} MB, positions of proximity pairs' terms: {NewsBot.Knowledge.Indexing.PackedPositions.PackedBytes / 1048576.0:F1} MB, common lists read by document: {NewsBot.Knowledge.Indexing.PackedPostings.ByDocumentBytes / 1048576.0:F1} MB (counted since the process started)"));
        ReportPacked(knowledgeBase, $"after {questions.Length} questions");
    }

    /// <summary>The packed lists and positions the knowledge base's segments hold.</summary>
    private static void ReportPacked(KnowledgeBase knowledgeBase, string label)
    {
        using var lease = knowledgeBase.Lease();
        var segments = lease.Searcher.IndexReader.Leaves.Select(leaf => leaf.AtomicReader).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {label} the segments hold packed posting lists of {segments.Sum(NewsBot.Knowledge.Indexing.PackedPostings.BytesIn) / 1048576.0:F1} MB and positions of {segments.Sum(NewsBot.Knowledge.Indexing.PackedPositions.BytesIn) / 1048576.0:F1} MB"));
    }

    private static long Measure(string label, long? baseline)
    {
        var managed = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var delta = baseline is null ? string.Empty : string.Create(CultureInfo.InvariantCulture, $" (+{(managed - baseline.Value) / 1048576.0:F1} MB over baseline)");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label,-40} managed {managed / 1048576.0,8:F1} MB{delta}; working set {process.WorkingSet64 / 1048576.0:F1} MB (peak {process.PeakWorkingSet64 / 1048576.0:F1} MB); GC heap {GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0:F1} MB"));
        return managed;
    }

    private static long DirectorySize(string folder) =>
        Directory.Exists(folder) ? new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0;
}
