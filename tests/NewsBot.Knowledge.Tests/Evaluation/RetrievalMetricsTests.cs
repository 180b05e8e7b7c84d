using NewsBot.Knowledge.Evaluation;

namespace NewsBot.Knowledge.Tests.Evaluation;

public sealed class RetrievalMetricsTests
{
    private const int Precision = 9;

    private static Dictionary<string, int> Judged(params (string Id, int Gain)[] judged) => judged.ToDictionary(j => j.Id, j => j.Gain);

    [Fact]
    public void Ndcg_MatchesHandComputedValue_WhenRelevantDocumentsAreRankedSecondAndThird()
    {
        // DCG  = 1/log2(3) + 2/log2(4) = 0.630930 + 1      = 1.630930
        // IDCG = 2/log2(2) + 1/log2(3) = 2        + 0.630930 = 2.630930
        var expected = ((1 / Math.Log2(3)) + (2 / Math.Log2(4))) / ((2 / Math.Log2(2)) + (1 / Math.Log2(3)));

        var ndcg = RetrievalMetrics.Ndcg(["a", "b", "c"], Judged(("b", 1), ("c", 2)), 10);

        Assert.Equal(0.619906, ndcg, 6);
        Assert.Equal(expected, ndcg, Precision);
    }

    [Theory]
    [InlineData(new[] { "c", "b", "a" }, 10, 1.0)]
    [InlineData(new[] { "x", "y", "z" }, 10, 0.0)]
    [InlineData(new string[0], 10, 0.0)]
    [InlineData(new[] { "a", "b", "c" }, 1, 0.0)]
    [InlineData(new[] { "c", "a", "b" }, 1, 1.0)]
    [InlineData(new[] { "b", "c" }, 1, 0.5)]
    public void Ndcg_ReturnsExpectedValue_ForRankingsAndCutoffs(string[] ranked, int k, double expected)
    {
        Assert.Equal(expected, RetrievalMetrics.Ndcg(ranked, Judged(("b", 1), ("c", 2)), k), Precision);
    }

    [Fact]
    public void Ndcg_IgnoresDocumentsBelowCutoff_WhenRelevantDocumentIsRankedPastK()
    {
        // Only c (gain 1) is relevant and it sits at rank 3: nDCG@2 = 0, nDCG@3 = (1/log2(4)) / 1 = 0.5.
        Assert.Equal(0.0, RetrievalMetrics.Ndcg(["a", "b", "c"], Judged(("c", 1)), 2), Precision);
        Assert.Equal(0.5, RetrievalMetrics.Ndcg(["a", "b", "c"], Judged(("c", 1)), 3), Precision);
    }

    [Fact]
    public void Ndcg_LimitsIdealRankingToK_WhenMoreDocumentsAreRelevantThanK()
    {
        // Ideal@1 = 3 (best gain); ranking puts gain 1 first: 1/3.
        Assert.Equal(1.0 / 3, RetrievalMetrics.Ndcg(["a", "b"], Judged(("a", 1), ("b", 3)), 1), Precision);
    }

    [Fact]
    public void Ndcg_ReturnsZero_WhenNothingIsJudgedRelevant()
    {
        Assert.Equal(0.0, RetrievalMetrics.Ndcg(["a"], Judged(), 10));
    }

    [Theory]
    [InlineData(new[] { "a", "b", "c" }, 10, 0.5)]
    [InlineData(new[] { "a", "b", "c", "d" }, 10, 1.0)]
    [InlineData(new[] { "a", "b", "c", "d" }, 3, 0.5)]
    [InlineData(new[] { "a", "b", "c", "d" }, 1, 0.0)]
    [InlineData(new[] { "d" }, 1, 0.5)]
    [InlineData(new string[0], 10, 0.0)]
    public void Recall_ReturnsShareOfRelevantDocumentsInFirstK(string[] ranked, int k, double expected)
    {
        Assert.Equal(expected, RetrievalMetrics.Recall(ranked, Judged(("b", 1), ("d", 2)), k), Precision);
    }

    [Fact]
    public void Recall_ReturnsZero_WhenNothingIsJudgedRelevant()
    {
        Assert.Equal(0.0, RetrievalMetrics.Recall(["a"], Judged(), 10));
    }

    [Fact]
    public void NdcgAndRecall_Throw_WhenArgumentsAreNull()
    {
        Assert.Throws<ArgumentNullException>(() => RetrievalMetrics.Ndcg(null!, Judged(), 10));
        Assert.Throws<ArgumentNullException>(() => RetrievalMetrics.Ndcg([], null!, 10));
        Assert.Throws<ArgumentNullException>(() => RetrievalMetrics.Recall(null!, Judged(), 10));
        Assert.Throws<ArgumentNullException>(() => RetrievalMetrics.Recall([], null!, 10));
    }
}
