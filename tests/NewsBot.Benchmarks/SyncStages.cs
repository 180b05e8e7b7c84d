using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Lucene.Net.Analysis;
using NewsBot.Knowledge;
using NewsBot.Knowledge.Articles;
using NewsBot.Knowledge.Indexing;
using NewsBot.Knowledge.Passages;
using F = NewsBot.Knowledge.Indexing.IndexFields;

namespace NewsBot.Benchmarks;

/// <summary>
/// Where the time of a sync goes on the generated collection: the steps IndexSynchronizer and KnowledgeBase take,
/// timed one by one over all articles with a stopwatch (a rough profile, not a benchmark; the steps mirror the
/// library's and must follow it when it changes). <c>sync-stages</c>; builds the cached index first if needed.
/// </summary>
internal static class SyncStages
{
    public static int Run()
    {
        var knowledge = Collections.KnowledgePath(Collections.Generated);
        var data = Collections.DataPath(Collections.Generated, knowledge);
        using (var knowledgeBase = Collections.OpenSynced(knowledge, data))
        {
            OneChangedFile(knowledgeBase, knowledge);
        }

        var clock = new Stopwatch();
        void Step(string what, Action action)
        {
            var allocated = GC.GetTotalAllocatedBytes();
            clock.Restart();
            action();
            clock.Stop();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {what,-58} {clock.Elapsed.TotalMilliseconds,8:F0} ms  {(GC.GetTotalAllocatedBytes() - allocated) / 1048576.0,8:F0} MB allocated"));
        }

        Console.WriteLine("Every sync, for every file (also unchanged ones):");
        List<ArticleFile> files = [];
        Step("KnowledgeFolder.Files (one walk: paths, size and time)", () => files = KnowledgeFolder.Files(knowledge));
        List<byte[]> contents = [];
        Step($"File.ReadAllBytes ({files.Count:N0} files)", () => contents = files.Select(f => File.ReadAllBytes(f.FullPath)).ToList());
        Step("ArticleReader.Read (hash, YAML, Markdown), then the hash is compared", () =>
        {
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < files.Count; i++)
            {
                ArticleReader.Read(contents[i], files[i].RelativePath, files[i].DisplayPath, now);
            }
        });
        Step("  of which the SHA-256 alone", () => contents.ForEach(c => SHA256.HashData(c)));

        using var index = ArticleIndex.Open(Path.Combine(data, "index"));
        Step("ArticleCatalog.LoadSeen (stored fields of every 'seen' record)", () =>
        {
            using var lease = index.Lease();
            ArticleCatalog.LoadSeen(lease.Searcher);
        });
        ArticleCatalog? catalog = null;
        var before = GC.GetTotalMemory(forceFullCollection: true);
        Step("ArticleCatalog.Load (after every sync and at open)", () =>
        {
            using var lease = index.Lease();
            catalog = ArticleCatalog.Load(lease.Searcher);
        });
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  the catalog retains {(GC.GetTotalMemory(forceFullCollection: true) - before) / 1048576.0:F1} MB for {catalog!.Count:N0} articles"));
        Step("SyncScope.Everything (the walk, and indexed articles without a file)", () => SyncScope.Everything(knowledge, catalog!));
        Step("SyncScope.Of one reported file", () => SyncScope.Of(knowledge, [files[files.Count / 2].FullPath], catalog!));
        Step("ArticleCatalog.With one article (copies of the three lookups)", () => catalog!.With([catalog.ByPath[files[files.Count / 2].RelativePath]], []));
        Step("Commit with nothing changed, and searcher refresh", () =>
            index.Commit(new Dictionary<string, string> { [F.SchemaKey] = F.SchemaVersion, [F.LastSyncKey] = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture) }));

        Console.WriteLine("A full build also, for every article:");
        List<Article> articles = [];
        Step("(parse again, kept for the steps below)", () =>
        {
            var now = DateTimeOffset.UtcNow;
            articles = files.Select((f, i) => ArticleReader.Read(contents[i], f.RelativePath, f.DisplayPath, now).Article!).ToList();
        });
        var splitter = new PassageSplitter();
        List<List<Passage>> passages = [];
        Step("PassageSplitter.Split", () => passages = articles.Select(a => splitter.Split(a.Blocks)).ToList());
        Step($"analyse passage text ({passages.Sum(p => p.Count):N0} passages)", () =>
        {
            foreach (var passage in passages.SelectMany(p => p))
            {
                Consume(index.Analyzer, F.Text, passage.Text);
            }
        });
        Step("analyse title, heading and tags, once per passage (the about field of each)", () =>
        {
            for (var i = 0; i < articles.Count; i++)
            {
                var tags = string.Join(' ', articles[i].Tags);
                foreach (var passage in passages[i])
                {
                    Consume(index.Analyzer, F.About, articles[i].Title);
                    Consume(index.Analyzer, F.About, tags);
                    Consume(index.Analyzer, F.About, passage.Heading);
                }
            }
        });
        return 0;
    }

    /// <summary>
    /// The whole delay from a saved file to an answer from it, both ways to sync: medians of 10 rewrites of one article
    /// (the first two of 12 left out as warm-up).
    /// </summary>
    private static void OneChangedFile(KnowledgeBase knowledgeBase, string knowledge)
    {
        var original = ArticleGenerator.FromShipped().Render(Collections.LargeCount / 2);
        var path = Path.Combine(knowledge, original.RelativePath);
        Console.WriteLine("One changed file (medians of 10):");
        foreach (var (what, sync) in new (string, Func<SyncReport>)[]
        {
            ("Sync() (walks the whole folder)", () => knowledgeBase.Sync()),
            ("Sync([path]) (the path a watcher reported)", () => knowledgeBase.Sync([path])),
        })
        {
            var syncs = new List<double>();
            var asks = new List<double>();
            for (var i = 0; i < 12; i++)
            {
                var word = "zqstage" + (char)('a' + i) + "ex";
                File.WriteAllText(path, original.Content + $"\n## Update\n\nThe {word} programme continues.\n");
                var clock = Stopwatch.StartNew();
                var report = sync();
                syncs.Add(clock.Elapsed.TotalMilliseconds);
                clock.Restart();
                var answer = knowledgeBase.Ask($"What is the {word} programme?");
                asks.Add(clock.Elapsed.TotalMilliseconds);
                if (report.Updated != 1 || !answer.Answered)
                {
                    throw new InvalidOperationException($"the changed article was not found: updated {report.Updated}, answered {answer.Answered}");
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {what,-58} {Median(syncs),8:F1} ms, then Ask {Median(asks),6:F1} ms"));
        }

        File.WriteAllText(path, original.Content);
        knowledgeBase.Sync([path]);
    }

    private static double Median(List<double> values) => values.Skip(2).Order().ElementAt((values.Count - 2) / 2);

    /// <summary>Runs the analyzer the way IndexWriter does: tokens consumed in place, no strings made.</summary>
    private static void Consume(Analyzer analyzer, string field, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        using var stream = analyzer.GetTokenStream(field, text);
        stream.Reset();
        while (stream.IncrementToken())
        {
        }

        stream.End();
    }
}
