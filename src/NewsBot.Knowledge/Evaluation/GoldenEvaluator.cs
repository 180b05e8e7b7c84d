using NewsBot.Knowledge.Answers;

namespace NewsBot.Knowledge.Evaluation;

/// <summary>Runs golden questions through the answer engine and scores them.</summary>
public static class GoldenEvaluator
{
    private const int RankDepth = 10;

    public static GoldenReport Evaluate(IKnowledgeBase knowledge, IReadOnlyList<GoldenQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(questions);
        var outcomes = new List<GoldenOutcome>();
        foreach (var question in questions)
        {
            var answer = knowledge.Ask(question.Question, new AskOptions(Top: RankDepth));
            var ranked = answer.Ranking.Select(a => a.Url.AbsoluteUri).Distinct().Take(RankDepth).ToList();
            var lead = answer.Answered ? answer.Results[0].Article.Url.AbsoluteUri : null;
            outcomes.Add(new GoldenOutcome(question, answer.Answered, answer.Confidence, ranked, lead));
        }

        return new GoldenReport(outcomes);
    }
}

/// <summary>What the engine did with one golden question.</summary>
/// <param name="Ranked">Article urls, best first, each once, up to 10.</param>
/// <param name="Lead">The url of the first result when answered.</param>
public sealed record GoldenOutcome(GoldenQuestion Question, bool Answered, double Confidence, IReadOnlyList<string> Ranked, string? Lead)
{
    public bool AnsweredCorrectly => Question.Answerable && Answered && Lead is not null && Question.Expect.Contains(Lead);

    /// <summary>Answered, but with no expected article first (or at all, for unanswerable questions).</summary>
    public bool FalseAnswer => Answered && !AnsweredCorrectly;

    public double ReciprocalRank
    {
        get
        {
            for (var i = 0; i < Ranked.Count; i++)
            {
                if (Question.Expect.Contains(Ranked[i]))
                {
                    return 1.0 / (i + 1);
                }
            }

            return 0;
        }
    }
}

/// <summary>Metrics over a set of golden questions.</summary>
public sealed record GoldenReport(IReadOnlyList<GoldenOutcome> Outcomes)
{
    public int Answerable => Outcomes.Count(o => o.Question.Answerable);

    public int Unanswerable => Outcomes.Count - Answerable;

    /// <summary>Share of answerable questions answered with an expected article first.</summary>
    public double AnswerAt1 => Answerable == 0 ? 0 : (double)Outcomes.Count(o => o.AnsweredCorrectly) / Answerable;

    /// <summary>Mean reciprocal rank of the first expected article in the top 10, over answerable questions.</summary>
    public double MrrAt10 => Answerable == 0 ? 0 : Outcomes.Where(o => o.Question.Answerable).Sum(o => o.ReciprocalRank) / Answerable;

    /// <summary>Share of unanswerable questions the engine declined to answer.</summary>
    public double Abstention => Unanswerable == 0 ? 1 : (double)Outcomes.Count(o => !o.Question.Answerable && !o.Answered) / Unanswerable;

    /// <summary>Questions answered with a wrong lead article (including unanswerable questions answered at all).</summary>
    public int FalseAnswers => Outcomes.Count(o => o.FalseAnswer);
}
