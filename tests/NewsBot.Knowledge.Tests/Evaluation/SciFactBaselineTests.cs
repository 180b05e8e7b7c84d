using NewsBot.Knowledge.Evaluation;
using NewsBot.Knowledge.Tests.Support;

namespace NewsBot.Knowledge.Tests.Evaluation;

/// <summary>
/// The outside yardstick: on SciFact's test split the engine must beat Anserini's BM25 "flat" baseline
/// (nDCG@10 0.679, Recall@100 0.925). Runs where the shared benchmark folder sits beside the repository
/// (as in CI), and is skipped elsewhere, saying why.
/// </summary>
// Shares a collection with BeirEvaluatorTests, which checks that no temporary BEIR index is left behind.
[Collection("BEIR temporary indexes")]
public sealed class SciFactBaselineTests
{
    private static readonly string SciFact = Path.GetFullPath(Path.Combine(RepositoryPaths.Root, "..", "shared", "benchmarks", "scifact"));

    [Fact]
    public void Evaluate_BeatsAnseriniBm25Flat_OnSciFactTest()
    {
        Assert.SkipUnless(File.Exists(Path.Combine(SciFact, "corpus.jsonl")), $"SciFact not found at {SciFact}");

        var report = BeirEvaluator.Evaluate(BeirDataset.Load(SciFact, "test"));

        Assert.Equal(300, report.Queries);
        Assert.True(report.NdcgAt10 >= 0.679, $"nDCG@10 {report.NdcgAt10:F4} is below Anserini's BM25 flat 0.679");
        Assert.True(report.RecallAt100 >= 0.92, $"Recall@100 {report.RecallAt100:F4} is below 0.92");
    }
}
