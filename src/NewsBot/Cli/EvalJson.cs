using NewsBot.Knowledge.Evaluation;

namespace NewsBot.Cli;

/// <summary>The JSON shape of <c>eval --json</c>.</summary>
/// <param name="Semantic">True when ranking fused local embeddings with BM25; false for BM25 alone.</param>
internal sealed record EvalJson(bool Semantic, EvalJson.Summary Metrics, IReadOnlyList<EvalJson.Question> Questions)
{
    public static EvalJson From(GoldenReport report, bool semantic) => new(
        semantic,
        new Summary(
            Math.Round(report.AnswerAt1, 4),
            Math.Round(report.MrrAt10, 4),
            Math.Round(report.Abstention, 4),
            report.FalseAnswers,
            report.Outcomes.Count,
            report.Answerable,
            report.Unanswerable),
        report.Outcomes.Select(o => new Question(o.Question.Id, o.Answered, o.Confidence, o.Ranked)).ToList());

    internal sealed record Summary(double AnswerAt1, double MrrAt10, double Abstention, int FalseAnswers, int Questions, int Answerable, int Unanswerable);

    internal sealed record Question(string Id, bool Answered, double Confidence, IReadOnlyList<string> Ranked);
}
