using NewsBot.Knowledge.Evaluation;

namespace NewsBot.Knowledge.Tests.Evaluation;

public sealed class GoldenReportTests
{
    private const string A = "https://example.org/a";
    private const string B = "https://example.org/b";

    private static GoldenOutcome Outcome(string kind, string[] expect, bool answered, double confidence, string? passage = null, string[]? must = null, params string[] ranked) =>
        new(new GoldenQuestion(kind + confidence, "question", expect) { Kind = kind, Must = must ?? [] }, answered, confidence, ranked, answered && ranked.Length > 0 ? ranked[0] : null)
        {
            Passage = answered ? passage : null,
            Highlight = answered ? passage : null,
        };

    [Fact]
    public void PassageAt1_CountsAnswersWhosePassageHoldsTheMustPatterns()
    {
        var report = new GoldenReport(
        [
            Outcome("number", [A], true, 0.9, "It has 7 billion parameters.", ["7 ?billion"], A),
            Outcome("number", [A], true, 0.9, "It is a small model.", ["7 ?billion"], A),
            Outcome("number", [A], true, 0.9, "It has 7 billion parameters.", ["7 ?billion"], B),
            Outcome("number", [A], false, 0.3, null, ["7 ?billion"], A),
        ]);

        Assert.Equal(0.5, report.AnswerAt1, 9);
        Assert.Equal(0.25, report.PassageAt1, 9);
        Assert.Equal(1, report.DeclinedWithRightFirst);
    }

    [Fact]
    public void ByKind_GivesEveryMetricPerKind_InTheOrderKindsAppear()
    {
        var report = new GoldenReport(
        [
            Outcome("temporal", [A], true, 0.9, "x", null, A),
            Outcome("direct", [A], true, 0.9, "x", null, B),
            Outcome("temporal", [A], false, 0.2, null, null, B),
            Outcome("unanswerable", [], true, 0.8, "x", null, B),
            Outcome("unanswerable", [], false, 0.1, null, null, B),
        ]);

        var kinds = report.ByKind;

        Assert.Equal(["temporal", "direct", "unanswerable"], kinds.Select(k => k.Kind));
        Assert.Equal(0.5, kinds[0].Report.AnswerAt1, 9);
        Assert.Equal(0, kinds[1].Report.AnswerAt1, 9);
        Assert.Equal(0.5, kinds[2].Report.Abstention, 9);
        Assert.Equal(1, report.FalseAnswersUnanswerable);
    }

    [Fact]
    public void Calibration_BucketsConfidence_AndMeasuresTheShareOfRightLeads()
    {
        var report = new GoldenReport(
        [
            Outcome("direct", [A], true, 0.95, "x", null, A),
            Outcome("direct", [A], true, 0.91, "x", null, B),
            Outcome("direct", [A], false, 0.15, null, null, A),
            Outcome("unanswerable", [], false, 0.12, null, null, B),
        ]);

        var buckets = report.Calibration;

        Assert.Equal(GoldenReport.CalibrationBuckets, buckets.Count);
        Assert.Equal((2, 0.93, 0.5), (buckets[9].Count, Math.Round(buckets[9].MeanConfidence, 3), buckets[9].Accuracy));
        Assert.Equal((2, 0.135, 0.5), (buckets[1].Count, Math.Round(buckets[1].MeanConfidence, 3), buckets[1].Accuracy));

        // |0.93 − 0.5| and |0.135 − 0.5|, each bucket weighing half.
        Assert.Equal((0.43 + 0.365) / 2, report.ExpectedCalibrationError, 9);
    }

    [Fact]
    public void CoverageAtPrecision_AnswersTheMostConfidentFirst_WhileTheAnswersStayRightEnough()
    {
        // By confidence: right, right, wrong (unanswerable), right, wrong.
        var report = new GoldenReport(
        [
            Outcome("direct", [A], true, 0.99, "x", null, A),
            Outcome("direct", [A], true, 0.9, "x", null, A),
            Outcome("unanswerable", [], true, 0.8, "x", null, B),
            Outcome("direct", [A], true, 0.7, "x", null, A),
            Outcome("direct", [A], true, 0.6, "x", null, B),
        ]);

        // Precision 1 holds for the first two (2 of 4 answerable); 3 of 4 right holds down to the fourth (3 of 4 answerable).
        Assert.Equal(0.5, report.CoverageAtPrecision(0.95), 9);
        Assert.Equal(0.75, report.CoverageAtPrecision(0.75), 9);
        Assert.Equal(1.0, report.CoverageAtPrecision(0.5), 9);
    }
}
