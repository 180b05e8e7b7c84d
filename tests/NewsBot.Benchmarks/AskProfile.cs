using System.Diagnostics;
using System.Globalization;
using NewsBot.Knowledge.Answers;

namespace NewsBot.Benchmarks;

/// <summary>
/// A quick check of answer latency, with and without related articles, between BenchmarkDotNet runs:
/// <c>ask-profile [shipped|generated50k] [ROUNDS]</c>. After a warm-up round without related articles, a round
/// with them is reported alone (related articles are cached per lead article, so this is their uncached cost);
/// then every golden question is asked ROUNDS times. Besides percentiles of all
/// answers it prints percentiles of each question's fastest answer and of the asking thread's CPU time, which move
/// less when other processes share the cores, so changes can be compared on a busy machine;
/// BenchmarkDotNet's <see cref="AskLatencyBenchmarks"/> gives the figures to publish.
/// </summary>
internal static class AskProfile
{
    public static int Run(string collection, int rounds)
    {
        var knowledge = Collections.KnowledgePath(collection);
        var data = Collections.DataPath(collection, knowledge);
        using (var kb = Collections.OpenSynced(knowledge, data))
        {
            var questions = Collections.Questions();
            // A fresh process: nothing compiled by the JIT's optimising tier yet, no list packed, no lookup remembered.
            var cold = new List<double>();
            foreach (var q in questions)
            {
                var clock = Stopwatch.StartNew();
                kb.Ask(q, new AskOptions(Related: false));
                cold.Add(clock.Elapsed.TotalMilliseconds);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{collection} first round in a fresh process, without related articles: first answer {cold[0]:F1} ms, all {Summary(cold)}"));

            // Warm (jitted), but no related articles cached yet: every lead article's are searched.
            var first = new List<double>();
            foreach (var q in questions)
            {
                var before = ThreadCpuClock.Milliseconds();
                kb.Ask(q);
                first.Add(ThreadCpuClock.Milliseconds() - before);
            }

            Console.WriteLine($"{collection} related articles not cached yet (one round): thread CPU {Summary(first)}");

            foreach (var related in new[] { false, true })
            {
                var all = new List<double>();
                var fastest = Enumerable.Repeat(double.MaxValue, questions.Length).ToArray();
                var cpu = new List<double>();
                long allocated = 0;
                var (pauseBefore, gen0Before, gen1Before, gen2Before) = (GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
                for (var round = 0; round < rounds; round++)
                {
                    for (var i = 0; i < questions.Length; i++)
                    {
                        var before = GC.GetAllocatedBytesForCurrentThread();
                        var cpuBefore = ThreadCpuClock.Milliseconds();
                        var clock = Stopwatch.StartNew();
                        kb.Ask(questions[i], new AskOptions(Related: related));
                        var ms = clock.Elapsed.TotalMilliseconds;
                        cpu.Add(ThreadCpuClock.Milliseconds() - cpuBefore);
                        allocated += GC.GetAllocatedBytesForCurrentThread() - before;
                        all.Add(ms);
                        fastest[i] = Math.Min(fastest[i], ms);
                    }
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{collection} related={related,-5}: all {Summary(all)} | fastest per question {Summary(fastest)} | thread CPU {Summary(cpu)} | alloc {allocated / (double)all.Count / 1048576:F2} MB | GC pauses {(GC.GetTotalPauseDuration() - pauseBefore).TotalMilliseconds:F1} ms in {GC.CollectionCount(0) - gen0Before}/{GC.CollectionCount(1) - gen1Before}/{GC.CollectionCount(2) - gen2Before} collections (gen 0/1/2)"));
                foreach (var i in Enumerable.Range(0, questions.Length).OrderByDescending(i => fastest[i]).Take(related ? 5 : 0))
                {
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  slowest: {fastest[i],6:F2} ms  {questions[i]}"));
                }
            }
        }

        if (collection == Collections.Shipped)
        {
            Collections.DeleteQuietly(data);
        }

        return 0;
    }

    private static string Summary(IEnumerable<double> times)
    {
        var sorted = times.Order().ToArray();
        double At(double share) => sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * share))];
        return string.Create(CultureInfo.InvariantCulture, $"p50 {At(0.5):F2} p95 {At(0.95):F2} p99 {At(0.99):F2} max {sorted[^1]:F2} mean {sorted.Average():F2} ms");
    }
}
