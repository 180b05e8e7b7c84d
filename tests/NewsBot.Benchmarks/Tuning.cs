using System.Globalization;
using Lucene.Net.Search.Similarities;
using NewsBot.Knowledge.Answers;
using NewsBot.Knowledge.Evaluation;
using NewsBot.Knowledge.Passages;

namespace NewsBot.Benchmarks;

/// <summary>
/// The ranking sweep behind the defaults in AnswerDefaults: BM25 k1/b, field boosts, proximity and passage length
/// on a BEIR dataset (SciFact). <c>dotnet run -c Release --project tests/NewsBot.Benchmarks -- tune DIR</c>.
/// </summary>
internal static class Tuning
{
    public static int Run(string folder)
    {
        var dataset = BeirDataset.Load(folder, "test");
        var bm25 = new BM25Similarity(0.9f, 0.4f);
        var variants = new List<(string Name, Similarity Similarity, RankingSettings Settings, PassageSplitter Splitter)>
        {
            ("default", bm25, RankingSettings.Default, new PassageSplitter()),
            ("common terms off", bm25, RankingSettings.Default with { CommonTermShare = 1.0 }, new PassageSplitter()),
            ("common 0.05 no floor", bm25, RankingSettings.Default with { MinCommonPassages = 0 }, new PassageSplitter()),
            ("common 0.02 no floor", bm25, RankingSettings.Default with { CommonTermShare = 0.02, MinCommonPassages = 0 }, new PassageSplitter()),
            ("common 0.01 no floor", bm25, RankingSettings.Default with { CommonTermShare = 0.01, MinCommonPassages = 0 }, new PassageSplitter()),
            ("about 0.7", bm25, RankingSettings.Default with { AboutBoost = 0.7f }, new PassageSplitter()),
            ("about 1.3", bm25, RankingSettings.Default with { AboutBoost = 1.3f }, new PassageSplitter()),
            ("prox1", bm25, RankingSettings.Default with { ProximityBoost = 1f }, new PassageSplitter()),
        };

        foreach (var (name, similarity, settings, splitter) in variants)
        {
            var report = BeirEvaluator.Evaluate(dataset, null, similarity, settings, splitter);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name,-20} nDCG@10 {report.NdcgAt10:F4}  Recall@100 {report.RecallAt100:F4}  {report.QueriesPerSecond:F0} q/s"));
        }

        return 0;
    }
}
