using System.Globalization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using NewsBot.Knowledge;
using Perfolizer.Mathematics.OutlierDetection;

namespace NewsBot.Benchmarks;

/// <summary>
/// Full index build: open an empty data folder and sync the generated collection of <see cref="Articles"/>
/// articles (read, parse, split, analyse, index, commit). Reported as articles per second too.
/// </summary>
[Config(typeof(Config))]
public class IndexBuildBenchmarks
{
    private string _knowledge = string.Empty;
    private string _data = string.Empty;

    [Params(Collections.LargeCount)]
    public int Articles { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _knowledge = ArticleGenerator.Ensure(Articles, log: Console.Out);
        _data = Path.Combine(Path.GetTempPath(), "newsbot-bench-build-" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
    }

    [IterationSetup]
    public void DeleteIndex() => Collections.DeleteQuietly(_data);

    [Benchmark]
    public int FullSync()
    {
        using var knowledgeBase = KnowledgeBase.Open(new KnowledgeOptions { Path = _knowledge, DataPath = _data, Semantic = false });
        var report = knowledgeBase.Sync();
        if (report.Added != Articles)
        {
            throw new InvalidOperationException($"expected {Articles} new articles, the sync added {report.Added} (skipped {report.Skipped})");
        }

        return report.Passages;
    }

    [GlobalCleanup]
    public void Cleanup() => Collections.DeleteQuietly(_data);

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            // A build takes tens of seconds: no pilot or overhead stages, one warm-up, a few measured builds.
            AddJob(Job.Default
                .WithId("Build")
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(1)
                .WithIterationCount(3)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithOutlierMode(OutlierMode.DontRemove));
            AddColumn(new ArticlesPerSecondColumn());
        }
    }

    /// <summary>The <c>Articles</c> parameter divided by the mean time.</summary>
    private sealed class ArticlesPerSecondColumn : IColumn
    {
        public string Id => nameof(ArticlesPerSecondColumn);

        public string ColumnName => "Articles/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Articles indexed per second: the Articles parameter divided by the mean time of a full sync";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
            var articles = benchmarkCase.Parameters["Articles"] as int?;
            return mean is null || articles is null ? "NA" : (articles.Value / (mean.Value / 1e9)).ToString("N0", style.CultureInfo);
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}

/// <summary>
/// One changed file: rewrite one article of the generated collection (a new paragraph naming a made-up word), then
/// time a sync plus an <see cref="KnowledgeBase.Ask"/> that must find the new word in that article: the delay between
/// saving a file and the bot answering from it. Two ways to sync: <see cref="FullRescan"/> walks the whole folder
/// (the <c>index</c> command, the bot's start and its periodic rescan); <see cref="ChangedPath"/> syncs only the path
/// a file watcher reported, as the running bot does on a file event.
/// </summary>
[Config(typeof(Config))]
public class OneFileSyncBenchmarks
{
    /// <summary>The article rewritten in each iteration (any index works; the middle of the collection).</summary>
    private const int Changed = Collections.LargeCount / 2;

    private ArticleGenerator? _generator;
    private GeneratedArticle? _original;
    private KnowledgeBase? _knowledgeBase;
    private string _path = string.Empty;
    private string _id = string.Empty;
    private string _word = string.Empty;
    private int _iteration;

    [GlobalSetup]
    public void Setup()
    {
        var knowledge = ArticleGenerator.Ensure(Collections.LargeCount, log: Console.Out);
        _generator = ArticleGenerator.FromShipped();
        _original = _generator.Render(Changed);
        _path = Path.Combine(knowledge, _original.RelativePath);
        _id = _original.RelativePath[..^".md".Length];

        // A run stopped half-way may have left a changed version behind.
        File.WriteAllText(_path, _original.Content);
        _knowledgeBase = Collections.OpenSynced(knowledge, Collections.DataPath(Collections.Generated, knowledge));
    }

    [IterationSetup]
    public void RewriteArticle()
    {
        _word = MadeUpWord(_iteration++);
        var paragraph = $"\n## Update\n\nThe company later confirmed that the {_word} programme would continue into the next quarter, with more partners expected to join it.\n";
        File.WriteAllText(_path, _original!.Content + paragraph);
    }

    /// <summary><c>Sync()</c>: the whole folder is listed and every file's size and time compared.</summary>
    [Benchmark]
    public Knowledge.Answers.Answer FullRescan() => Verify(_knowledgeBase!.Sync());

    /// <summary><c>Sync([path])</c>: only the file the watcher reported is looked at.</summary>
    [Benchmark]
    public Knowledge.Answers.Answer ChangedPath() => Verify(_knowledgeBase!.Sync([_path]));

    private Knowledge.Answers.Answer Verify(SyncReport report)
    {
        var answer = _knowledgeBase!.Ask($"What is the {_word} programme?");
        if (report.Updated != 1 || !answer.Answered || answer.Results[0].Article.Id != _id)
        {
            throw new InvalidOperationException($"the changed article was not found: updated {report.Updated}, answered {answer.Answered}, first {(answer.Results.Count > 0 ? answer.Results[0].Article.Id : "none")}");
        }

        return answer;
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_original is not null)
        {
            File.WriteAllText(_path, _original.Content);
            _knowledgeBase?.Sync();
        }

        _knowledgeBase?.Dispose();
    }

    /// <summary>A word no article uses: "zq" and the iteration number in letters.</summary>
    private static string MadeUpWord(int iteration)
    {
        var letters = new System.Text.StringBuilder("zq");
        var n = iteration;
        do
        {
            letters.Append((char)('a' + (n % 26)));
            n /= 26;
        }
        while (n > 0);

        return letters.Append("ex").ToString();
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default
                .WithId("OneFile")
                .WithStrategy(RunStrategy.Monitoring)
                .WithLaunchCount(1)
                .WithWarmupCount(3)
                .WithIterationCount(20)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithGcForce(false)
                .WithOutlierMode(OutlierMode.DontRemove));
            AddColumn(StatisticColumn.P50, StatisticColumn.P95, StatisticColumn.Max);
        }
    }
}
