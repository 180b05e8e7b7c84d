using System.Globalization;
using NewsBot.Knowledge;
using NewsBot.Knowledge.Answers;
using NewsBot.Knowledge.Answers.Search;

namespace NewsBot.Benchmarks;

/// <summary>
/// Ranking variants side by side on the generated collection, without related articles:
/// <c>ask-compare [ROUNDS]</c>. The variants answer each question in turn, so a busy machine slows them alike;
/// times are the asking thread's CPU time. The default's eight slowest questions follow, each with its query and
/// the time of building and of searching it alone.
/// </summary>
internal static class AskCompare
{
    public static int Run(int rounds)
    {
        var knowledge = Collections.KnowledgePath(Collections.Generated);
        var data = Collections.DataPath(Collections.Generated, knowledge);
        var variants = new (string Name, RankingSettings Settings)[]
        {
            ("default", RankingSettings.Default),
            ("common terms off", RankingSettings.Default with { CommonTermShare = 1.0 }),
            ("common 0.02", RankingSettings.Default with { CommonTermShare = 0.02 }),
            ("common 0.02 min 5000", RankingSettings.Default with { CommonTermShare = 0.02, MinCommonPassages = 5000 }),
        };

        using var synced = Collections.OpenSynced(knowledge, data);
        var bases = variants.Select(v => KnowledgeBase.Open(new KnowledgeOptions { Path = knowledge, DataPath = data, Semantic = false }, v.Settings)).ToArray();
        try
        {
            var questions = Collections.Questions();
            var cpu = variants.Select(_ => new List<double>()).ToArray();
            for (var round = 0; round <= rounds; round++)
            {
                foreach (var question in questions)
                {
                    for (var v = 0; v < bases.Length; v++)
                    {
                        var before = ThreadCpuClock.Milliseconds();
                        bases[v].Ask(question, new AskOptions(Related: false));
                        if (round > 0)
                        {
                            cpu[v].Add(ThreadCpuClock.Milliseconds() - before);
                        }
                    }
                }
            }

            var slowest = Enumerable.Range(0, questions.Length).OrderByDescending(i => cpu[0][i]).Take(8);
            using var index = NewsBot.Knowledge.Indexing.ArticleIndex.Open(Path.Combine(data, "index"));
            var query = new QuestionQuery(index.Analyzer, RankingSettings.Default);
            foreach (var i in slowest)
            {
                using var lease = index.Lease();
                var cleaned = QuestionQuery.Clean(questions[i]);
                var tokens = NewsBot.Knowledge.Analysis.TextAnalysis.Tokens(index.Analyzer, "text", cleaned);
                var before = ThreadCpuClock.Milliseconds();
                var lookup = new QuestionTerms(lease.Searcher.IndexReader);
                var built = query.Build(cleaned, tokens, lookup)!;
                var mid = ThreadCpuClock.Milliseconds();
                var hits = PassageSearch.Top(lease.Searcher, built, lookup, 100).Docs.Length;
                var after = ThreadCpuClock.Milliseconds();
                var lucene = lease.Searcher.Search(built.ToQuery(), 100).TotalHits;
                var end = ThreadCpuClock.Milliseconds();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"slow: {cpu[0][i],6:F2} ms (build {mid - before:F2}, search {after - mid:F2}, as a Lucene query {end - after:F2} ms with {lucene} hits)  {questions[i]}\n      {built}"));
            }

            for (var v = 0; v < variants.Length; v++)
            {
                var sorted = cpu[v].Order().ToArray();
                double At(double share) => sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * share))];
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{variants[v].Name,-20} thread CPU p50 {At(0.5),6:F2}  p95 {At(0.95),6:F2}  p99 {At(0.99),6:F2}  mean {sorted.Average(),6:F2} ms"));
            }
        }
        finally
        {
            foreach (var kb in bases)
            {
                kb.Dispose();
            }
        }

        return 0;
    }
}
