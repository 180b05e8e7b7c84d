using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using NewsBot.Knowledge;
using NewsBot.Knowledge.Answers;
using Perfolizer.Mathematics.OutlierDetection;

namespace NewsBot.Benchmarks;

/// <summary>
/// Answer latency per question: <see cref="KnowledgeBase.Ask"/> (ranking, confidence, highlight and related
/// articles), one question per iteration so that BenchmarkDotNet's percentiles are per-question percentiles.
/// The questions cycle through the golden questions (answerable and unanswerable ones). This is the steady state of
/// a running bot: before measuring, every question is asked once with a pause after it and then <see cref="WarmRounds"/>
/// times (<see cref="SteadyState"/>), so the JIT has compiled the answer path fully and the caches a running bot fills
/// have seen these questions (packed posting lists, term lookups, each lead article's related articles). What a
/// question costs the first time is <c>ask-profile</c>'s first rounds (docs/benchmarks.md).
/// </summary>
[Config(typeof(Config))]
public class AskLatencyBenchmarks
{
    private KnowledgeBase? _knowledgeBase;
    private string[] _questions = [];
    private string? _tempData;
    private int _next;

    /// <summary>Rounds of all golden questions asked before measuring.</summary>
    public const int WarmRounds = 3;

    [Params(Collections.Shipped, Collections.Generated)]
    public string Collection { get; set; } = Collections.Shipped;

    [GlobalSetup]
    public void Setup()
    {
        var knowledge = Collections.KnowledgePath(Collection);
        var data = Collections.DataPath(Collection, knowledge);
        _tempData = Collection == Collections.Shipped ? data : null;
        _knowledgeBase = Collections.OpenSynced(knowledge, data);
        _questions = Collections.Questions();
        SteadyState.Reach(_knowledgeBase, _questions, WarmRounds);
    }

    /// <summary>One question, the next one of the golden list each call.</summary>
    [Benchmark]
    public Answer Ask()
    {
        var question = _questions[_next];
        _next = (_next + 1) % _questions.Length;
        return _knowledgeBase!.Ask(question);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _knowledgeBase?.Dispose();
        if (_tempData is not null)
        {
            Collections.DeleteQuietly(_tempData);
        }
    }

    /// <summary>
    /// One invocation per iteration and many iterations: each measurement is one question. Outliers are kept and GC
    /// is not forced between iterations, since the tail (P99) is what this measures. 460 warm-up questions (five
    /// rounds) on top of <see cref="Setup"/>'s. The collector is the bot's: NewsBot is an ASP.NET Core
    /// app, whose runtimeconfig turns on the server GC (<c>System.GC.Server</c>), and a benchmark process otherwise
    /// runs the workstation one, which collects every dozen answers here and put those pauses in the tail.
    /// </summary>
    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default
                .WithId("PerQuestion")
                .WithLaunchCount(1)
                .WithWarmupCount(460)
                .WithIterationCount(460)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithGcServer(true)
                .WithGcForce(false)
                .WithOutlierMode(OutlierMode.DontRemove));
            AddColumn(StatisticColumn.P50, StatisticColumn.P95, PercentileColumn.P99, StatisticColumn.Max);
            HideColumns(Column.Error, Column.StdDev);
        }
    }
}

/// <summary>
/// Mean time and allocations per question over a batch of <see cref="Batch"/> golden questions per invocation
/// (BenchmarkDotNet measures allocations on one extra invocation, so the per-question job above would report a
/// single question's allocations).
/// </summary>
[Config(typeof(Config))]
[MemoryDiagnoser]
public class AskAllocationBenchmarks
{
    private const int Batch = 100;

    private KnowledgeBase? _knowledgeBase;
    private string[] _questions = [];
    private string? _tempData;

    [Params(Collections.Shipped, Collections.Generated)]
    public string Collection { get; set; } = Collections.Shipped;

    [GlobalSetup]
    public void Setup()
    {
        var knowledge = Collections.KnowledgePath(Collection);
        var data = Collections.DataPath(Collection, knowledge);
        _tempData = Collection == Collections.Shipped ? data : null;
        _knowledgeBase = Collections.OpenSynced(knowledge, data);
        var golden = Collections.Questions();
        SteadyState.Reach(_knowledgeBase, golden, rounds: 0);
        _questions = Enumerable.Range(0, Batch).Select(i => golden[i % golden.Length]).ToArray();
    }

    /// <summary><see cref="Batch"/> questions; times and allocations are reported per question.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int AskBatch()
    {
        var answered = 0;
        foreach (var question in _questions)
        {
            if (_knowledgeBase!.Ask(question).Answered)
            {
                answered++;
            }
        }

        return answered;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _knowledgeBase?.Dispose();
        if (_tempData is not null)
        {
            Collections.DeleteQuietly(_tempData);
        }
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddJob(Job.Default
            .WithId("Batch")
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(15)
            .WithInvocationCount(1)
            .WithUnrollFactor(1));
    }
}
