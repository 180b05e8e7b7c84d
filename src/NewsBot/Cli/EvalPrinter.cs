using NewsBot.Knowledge.Evaluation;

namespace NewsBot.Cli;

/// <summary>Text report of a golden evaluation: the metrics, then each question that went wrong.</summary>
internal static class EvalPrinter
{
    public static string Ranking(bool semantic) => semantic ? "BM25 + semantic (all-MiniLM-L6-v2)" : "BM25 alone";

    public static void Print(TextWriter output, GoldenReport report, bool semantic)
    {
        output.WriteLine($"{report.Outcomes.Count} questions ({report.Answerable} answerable, {report.Unanswerable} unanswerable), {Ranking(semantic)}");
        output.WriteLine($"answer@1       {report.AnswerAt1:F3}");
        output.WriteLine($"MRR@10         {report.MrrAt10:F3}");
        output.WriteLine($"abstention     {report.Abstention:F3}");
        output.WriteLine($"false answers  {report.FalseAnswers}");

        var misses = report.Outcomes.Where(o => o.Question.Answerable ? !o.AnsweredCorrectly : o.Answered).ToList();
        if (misses.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine("Not right:");
        foreach (var miss in misses)
        {
            var what = miss.Question.Answerable
                ? miss.Answered ? $"answered with {miss.Lead}" : "not answered"
                : $"should not be answered, but was, with {miss.Lead}";
            output.WriteLine($"  {miss.Question.Id} (confidence {Display.Number(miss.Confidence)}): {miss.Question.Question}");
            output.WriteLine($"    {what}");
        }
    }
}
