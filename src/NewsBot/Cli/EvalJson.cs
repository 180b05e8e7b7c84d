using System.Text.Json.Serialization;
using NewsBot.Knowledge.Evaluation;

namespace NewsBot.Cli;

/// <summary>The JSON shape of <c>eval --json</c>.</summary>
/// <param name="Semantic">True when ranking fused local embeddings with BM25; false for BM25 alone.</param>
/// <param name="Folds">The number of cross-validation folds each question was scored by (null: the shipped model).</param>
internal sealed record EvalJson(
    bool Semantic,
    int? Folds,
    EvalJson.Summary Metrics,
    IReadOnlyDictionary<string, EvalJson.Summary> ByKind,
    EvalJson.CalibrationTable Calibration,
    IReadOnlyList<EvalJson.Question> Questions)
{
    /// <summary>With <c>--restyled</c>: the same figures for the questions asked of the restyled collection.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public EvalJson? Restyled { get; init; }

    public static EvalJson From(GoldenReport report, bool semantic, int? folds = null) => new(
        semantic,
        folds,
        SummaryOf(report),
        report.ByKind.ToDictionary(k => k.Kind, k => SummaryOf(k.Report), StringComparer.Ordinal),
        new CalibrationTable(
            Math.Round(report.ExpectedCalibrationError, 4),
            report.Calibration.Select(b => new Bucket(b.Lower, b.Upper, b.Count, Math.Round(b.MeanConfidence, 4), Math.Round(b.Accuracy, 4))).ToList()),
        report.Outcomes.Select(o => new Question(o.Question.Id, o.Question.Kind, o.Answered, o.Confidence, o.Ranked, o.Passage, o.Highlight)).ToList());

    private static Summary SummaryOf(GoldenReport report) => new(
        Math.Round(report.AnswerAt1, 4),
        Math.Round(report.PassageAt1, 4),
        Math.Round(report.HighlightAt1, 4),
        Math.Round(report.MrrAt10, 4),
        Math.Round(report.Abstention, 4),
        report.FalseAnswers,
        report.FalseAnswersUnanswerable,
        report.DeclinedWithRightFirst,
        Math.Round(report.CoverageAtPrecision(0.90), 4),
        Math.Round(report.CoverageAtPrecision(0.95), 4),
        report.Outcomes.Count,
        report.Answerable,
        report.Unanswerable);

    /// <param name="CoverageAt90">Share of answerable questions answered while 90 % of the answers given are right (risk–coverage).</param>
    internal sealed record Summary(
        double AnswerAt1,
        double PassageAt1,
        double HighlightAt1,
        double MrrAt10,
        double Abstention,
        int FalseAnswers,
        int FalseAnswersUnanswerable,
        int DeclinedWithRightFirst,
        double CoverageAt90,
        double CoverageAt95,
        int Questions,
        int Answerable,
        int Unanswerable);

    internal sealed record CalibrationTable(double ExpectedCalibrationError, IReadOnlyList<Bucket> Buckets);

    internal sealed record Bucket(double From, double To, int Count, double MeanConfidence, double Accuracy);

    internal sealed record Question(string Id, string Kind, bool Answered, double Confidence, IReadOnlyList<string> Ranked, string? Passage, string? Highlight);
}
