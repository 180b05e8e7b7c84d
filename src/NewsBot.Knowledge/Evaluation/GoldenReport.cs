namespace NewsBot.Knowledge.Evaluation;

/// <summary>Metrics over a set of golden questions.</summary>
public sealed record GoldenReport(IReadOnlyList<GoldenOutcome> Outcomes)
{
    /// <summary>Confidence buckets of the calibration table: [0, 0.1), [0.1, 0.2), ... [0.9, 1].</summary>
    public const int CalibrationBuckets = 10;

    public int Answerable => Outcomes.Count(o => o.Question.Answerable);

    public int Unanswerable => Outcomes.Count - Answerable;

    /// <summary>Share of answerable questions answered with an expected article first.</summary>
    public double AnswerAt1 => Share(Outcomes.Count(o => o.AnsweredCorrectly), Answerable);

    /// <summary>Share of answerable questions answered with an expected article first and a passage holding every <c>must</c> pattern.</summary>
    public double PassageAt1 => Share(Outcomes.Count(o => o.PassageCorrect), Answerable);

    /// <summary>Share of answerable questions whose highlight alone holds every <c>must</c> pattern (with a correct lead).</summary>
    public double HighlightAt1 => Share(Outcomes.Count(o => o.HighlightCorrect), Answerable);

    /// <summary>Mean reciprocal rank of the first expected article in the top 10, over answerable questions.</summary>
    public double MrrAt10 => Answerable == 0 ? 0 : Outcomes.Where(o => o.Question.Answerable).Sum(o => o.ReciprocalRank) / Answerable;

    /// <summary>Share of unanswerable questions the engine declined to answer.</summary>
    public double Abstention => Unanswerable == 0 ? 1 : (double)Outcomes.Count(o => !o.Question.Answerable && !o.Answered) / Unanswerable;

    /// <summary>Questions answered with a wrong lead article (including unanswerable questions answered at all).</summary>
    public int FalseAnswers => Outcomes.Count(o => o.FalseAnswer);

    /// <summary>Unanswerable questions answered anyway.</summary>
    public int FalseAnswersUnanswerable => Outcomes.Count(o => !o.Question.Answerable && o.Answered);

    /// <summary>Answerable questions declined although an expected article ranked first.</summary>
    public int DeclinedWithRightFirst => Outcomes.Count(o => o.DeclinedWithRightFirst);

    /// <summary>The same metrics for each kind of question, in the order kinds first appear.</summary>
    public IReadOnlyList<(string Kind, GoldenReport Report)> ByKind =>
        Outcomes.GroupBy(o => o.Question.Kind, StringComparer.Ordinal).Select(g => (g.Key, new GoldenReport(g.ToList()))).ToList();

    /// <summary>
    /// How well confidence predicts a right lead: per bucket of confidence, how many questions fell in it, their mean
    /// confidence and the share whose lead article was right (declined or not).
    /// </summary>
    public IReadOnlyList<CalibrationBucket> Calibration =>
        Enumerable.Range(0, CalibrationBuckets).Select(b =>
        {
            var lower = (double)b / CalibrationBuckets;
            var upper = (double)(b + 1) / CalibrationBuckets;
            var inBucket = Outcomes.Where(o => Bucket(o.Confidence) == b).ToList();
            return new CalibrationBucket(
                lower,
                upper,
                inBucket.Count,
                inBucket.Count == 0 ? 0 : inBucket.Average(o => o.Confidence),
                inBucket.Count == 0 ? 0 : (double)inBucket.Count(o => o.LeadRight) / inBucket.Count);
        }).ToList();

    /// <summary>Expected calibration error: the question-weighted mean gap between confidence and accuracy over the buckets.</summary>
    public double ExpectedCalibrationError =>
        Outcomes.Count == 0 ? 0 : Calibration.Sum(b => b.Count * Math.Abs(b.MeanConfidence - b.Accuracy)) / Outcomes.Count;

    /// <summary>
    /// Risk–coverage: the largest share of answerable questions that can be answered while the answers given (to
    /// answerable and unanswerable questions alike) stay right at <paramref name="precision"/> or better, answering
    /// the questions of highest confidence first. 0 when even the most confident answer is wrong.
    /// </summary>
    public double CoverageAtPrecision(double precision)
    {
        if (Answerable == 0)
        {
            return 0;
        }

        var best = 0.0;
        int answered = 0, right = 0, answerable = 0;
        var ordered = Outcomes.OrderByDescending(o => o.Confidence).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            answered++;
            right += ordered[i].LeadRight ? 1 : 0;
            answerable += ordered[i].Question.Answerable ? 1 : 0;

            // Questions of equal confidence are answered together.
            if (i + 1 < ordered.Count && ordered[i + 1].Confidence == ordered[i].Confidence)
            {
                continue;
            }

            if ((double)right / answered >= precision)
            {
                best = Math.Max(best, (double)answerable / Answerable);
            }
        }

        return best;
    }

    private static int Bucket(double confidence) => Math.Clamp((int)Math.Floor(confidence * CalibrationBuckets), 0, CalibrationBuckets - 1);

    private static double Share(int count, int total) => total == 0 ? 0 : (double)count / total;
}

/// <summary>One row of the calibration table.</summary>
/// <param name="Accuracy">Share of the bucket's questions whose lead article was right.</param>
public sealed record CalibrationBucket(double Lower, double Upper, int Count, double MeanConfidence, double Accuracy);
