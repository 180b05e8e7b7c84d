using System.Globalization;
using NewsBot.Knowledge.Evaluation;

namespace NewsBot.Cli;

/// <summary>Text report of a golden evaluation: the metrics, per kind, the calibration table, then each question that went wrong.</summary>
internal static class EvalPrinter
{
    public static string Ranking(bool semantic) => semantic ? "BM25 + semantic (all-MiniLM-L6-v2)" : "BM25 alone";

    public static void Print(TextWriter output, GoldenReport report, bool semantic, int? folds = null, bool misses = true)
    {
        var heldOut = folds is { } k ? $", held out ({k} folds by article)" : string.Empty;
        output.WriteLine($"{report.Outcomes.Count} questions ({report.Answerable} answerable, {report.Unanswerable} unanswerable), {Ranking(semantic)}{heldOut}");
        output.WriteLine(Invariant($"answer@1       {report.AnswerAt1:F3}"));
        output.WriteLine(Invariant($"passage@1      {report.PassageAt1:F3}   (the quoted passage holds the fact; highlight alone {report.HighlightAt1:F3})"));
        output.WriteLine(Invariant($"MRR@10         {report.MrrAt10:F3}"));
        output.WriteLine(Invariant($"abstention     {report.Abstention:F3}"));
        output.WriteLine(Invariant($"false answers  {report.FalseAnswers} ({report.FalseAnswersUnanswerable} to unanswerable questions)"));
        output.WriteLine(Invariant($"declined with the right article first  {report.DeclinedWithRightFirst}"));
        output.WriteLine(Invariant($"risk-coverage  {report.CoverageAtPrecision(0.90):F3} of answerable questions answered at 90 % precision, {report.CoverageAtPrecision(0.95):F3} at 95 %"));

        var kinds = report.ByKind;
        if (kinds.Count > 1)
        {
            output.WriteLine();
            output.WriteLine("kind            n  answer@1  passage@1  MRR@10  abstention");
            foreach (var (kind, byKind) in kinds)
            {
                var answerable = byKind.Answerable > 0;
                output.WriteLine(Invariant(
                    $"{kind,-12} {byKind.Outcomes.Count,4}  {(answerable ? byKind.AnswerAt1.ToString("F3", CultureInfo.InvariantCulture) : "-"),8}  {(answerable ? byKind.PassageAt1.ToString("F3", CultureInfo.InvariantCulture) : "-"),9}  {(answerable ? byKind.MrrAt10.ToString("F3", CultureInfo.InvariantCulture) : "-"),6}  {(byKind.Unanswerable > 0 ? byKind.Abstention.ToString("F3", CultureInfo.InvariantCulture) : "-"),10}"));
            }
        }

        output.WriteLine();
        output.WriteLine(Invariant($"calibration (confidence against share of right lead articles), expected calibration error {report.ExpectedCalibrationError:F3}"));
        foreach (var bucket in report.Calibration.Where(b => b.Count > 0))
        {
            output.WriteLine(Invariant($"  {bucket.Lower:F1}-{bucket.Upper:F1}  {bucket.Count,4} questions  mean confidence {bucket.MeanConfidence:F3}  right {bucket.Accuracy:F3}"));
        }

        var wrong = report.Outcomes.Where(o => o.Question.Answerable ? !o.PassageCorrect : o.Answered).ToList();
        if (!misses || wrong.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine("Not right:");
        foreach (var miss in wrong)
        {
            var what = !miss.Question.Answerable ? $"should not be answered, but was, with {miss.Lead}"
                : !miss.Answered ? (miss.DeclinedWithRightFirst ? "not answered, though the right article ranked first" : "not answered")
                : miss.AnsweredCorrectly ? $"right article, but the passage lacks {string.Join(" and ", miss.Question.Must)}"
                : $"answered with {miss.Lead}";
            output.WriteLine($"  {miss.Question.Id} [{miss.Question.Kind}] (confidence {Display.Number(miss.Confidence)}): {miss.Question.Question}");
            output.WriteLine($"    {what}");
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
