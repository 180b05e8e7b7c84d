using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Lucene.Net.Analysis;
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
        using (Collections.OpenSynced(knowledge, data))
        {
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
        Step("KnowledgeFolder.Files (walk, relative and display paths)", () => files = KnowledgeFolder.Files(knowledge));
        Step("  for comparison: walk with name, size and time only", () =>
        {
            var count = 0L;
            foreach (var file in new DirectoryInfo(knowledge).EnumerateFiles("*.md", SearchOption.AllDirectories))
            {
                count += file.Length > 0 && file.LastWriteTimeUtc.Ticks > 0 ? 1 : 0;
            }
        });
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
