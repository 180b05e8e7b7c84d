using NewsBot.Knowledge.Answers;
using NewsBot.Knowledge.Answers.Decision;
using NewsBot.Knowledge.Answers.Decision.Fitting;

namespace NewsBot.Knowledge.Evaluation;

/// <summary>Runs golden questions through the answer engine and scores them.</summary>
public static class GoldenEvaluator
{
    internal const int RankDepth = 10;

    public static GoldenReport Evaluate(IKnowledgeBase knowledge, IReadOnlyList<GoldenQuestion> questions)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(questions);
        var outcomes = new List<GoldenOutcome>();
        foreach (var question in questions)
        {
            var answer = knowledge.Ask(question.Question, new AskOptions(Top: RankDepth, Related: false));
            var ranked = answer.Ranking.Select(a => a.Url.AbsoluteUri).Distinct().Take(RankDepth).ToList();
            var lead = answer.Answered ? answer.Results[0] : null;
            outcomes.Add(new GoldenOutcome(question, answer.Answered, answer.Confidence, ranked, lead?.Article.Url.AbsoluteUri)
            {
                Passage = lead?.Passage,
                Highlight = lead?.Highlight,
            });
        }

        return new GoldenReport(outcomes);
    }

    /// <summary>
    /// Scores each question with an answer model fitted on the other folds' questions only: every question of an
    /// article (and each unanswerable question with its best-ranked article) sits in one fold, so no question is
    /// answered by a fit that saw its article.
    /// </summary>
    public static GoldenReport CrossValidate(KnowledgeBase knowledge, IReadOnlyList<GoldenQuestion> questions, int folds) =>
        CrossValidate(knowledge, questions, folds, restyled: null).Report;

    /// <summary>
    /// The same, with the answer model fitted on the questions asked of both collections when
    /// <paramref name="restyled"/> holds the same articles written by another hand (the same urls): a question and
    /// its copy share a fold. <c>Report</c> scores the questions asked of <paramref name="knowledge"/>,
    /// <c>Restyled</c> those asked of <paramref name="restyled"/>.
    /// </summary>
    public static (GoldenReport Report, GoldenReport? Restyled) CrossValidate(KnowledgeBase knowledge, IReadOnlyList<GoldenQuestion> questions, int folds, KnowledgeBase? restyled)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        ArgumentNullException.ThrowIfNull(questions);
        return HeldOut(Examples(knowledge, questions, restyled), questions.Count, folds);
    }

    /// <summary>Every example of <see cref="Examples"/> scored by a fit on the other folds: <c>Report</c> for the first
    /// <paramref name="questions"/> (those asked of the collection itself), <c>Restyled</c> for the copies after them
    /// (null when there are none).</summary>
    internal static (GoldenReport Report, GoldenReport? Restyled) HeldOut(IReadOnlyList<FitExample> examples, int questions, int folds)
    {
        var outcomes = AnswerModelFitter.CrossValidate(examples, folds).Select(r => Outcome(r.Example, r.Selection)).ToList();
        return (new GoldenReport(outcomes.Take(questions).ToList()), outcomes.Count > questions ? new GoldenReport(outcomes.Skip(questions).ToList()) : null);
    }

    /// <summary>What the answer model is fitted on: each question asked of the collection, then of each rewriting of it
    /// (the same articles written by another hand; null ones skipped) in the same order, each copy in its original's
    /// fold. A question none of whose expected articles a rewriting holds (one added to the curated collection without
    /// its twin) is asked of it as unanswerable, which it is there.</summary>
    internal static List<FitExample> Examples(KnowledgeBase knowledge, IReadOnlyList<GoldenQuestion> questions, params KnowledgeBase?[] rewritings)
    {
        var examples = questions.Select(q => new FitExample(q, knowledge.Analyse(q.Question), knowledge.Readings(q.Question))).ToList();
        var keys = examples.Select(e => e.Group).ToList();
        foreach (var rewriting in rewritings.OfType<KnowledgeBase>())
        {
            var urls = rewriting.Latest(int.MaxValue).Select(a => a.Url.AbsoluteUri).ToHashSet(StringComparer.Ordinal);
            examples.AddRange(questions.Select((q, i) =>
            {
                var asked = q.Expect.Count == 0 || q.Expect.Any(urls.Contains) ? q : q with { Expect = [] };
                return new FitExample(asked, rewriting.Analyse(q.Question), rewriting.Readings(q.Question)) { FoldKey = keys[i] };
            }));
        }

        return examples;
    }

    internal static GoldenOutcome Outcome(FitExample example, Selection selection)
    {
        var ranked = selection.Ordered.Select(c => c.Article).Concat(selection.Analysis.Others.Select(o => o.Article))
            .Select(a => a.Url.AbsoluteUri).Distinct().Take(RankDepth).ToList();
        var lead = selection.Answered ? selection.Lead : null;
        return new GoldenOutcome(example.Question, selection.Answered, Math.Round(selection.Lead?.Confidence ?? 0, 3), ranked, lead?.Article.Url.AbsoluteUri)
        {
            Passage = lead?.Passage.Text,
            Highlight = lead?.Passage.Evidence.Highlight(lead.Passage.Text),
        };
    }
}

/// <summary>What the engine did with one golden question.</summary>
/// <param name="Ranked">Article urls, best first, each once, up to 10 (the first is the lead, answered or not).</param>
/// <param name="Lead">The url of the first result when answered.</param>
public sealed record GoldenOutcome(GoldenQuestion Question, bool Answered, double Confidence, IReadOnlyList<string> Ranked, string? Lead)
{
    /// <summary>The quoted passage of the lead answer; null when declined.</summary>
    public string? Passage { get; init; }

    /// <summary>The highlighted sentence(s) of the lead answer; null when declined.</summary>
    public string? Highlight { get; init; }

    public bool AnsweredCorrectly => Question.Answerable && Answered && Lead is not null && Question.Expect.Contains(Lead);

    /// <summary>Answered with an expected article first, quoting a passage that holds every <c>must</c> pattern.</summary>
    public bool PassageCorrect => AnsweredCorrectly && Question.Grounds(Passage);

    /// <summary>The highlight alone holds every <c>must</c> pattern (with a correct lead).</summary>
    public bool HighlightCorrect => AnsweredCorrectly && Question.Grounds(Highlight);

    /// <summary>Answered, but with no expected article first (or at all, for unanswerable questions).</summary>
    public bool FalseAnswer => Answered && !AnsweredCorrectly;

    /// <summary>An answerable question declined although an expected article ranked first.</summary>
    public bool DeclinedWithRightFirst => Question.Answerable && !Answered && Ranked.Count > 0 && Question.Expect.Contains(Ranked[0]);

    /// <summary>Whether the lead would be right if given: what the confidence estimates.</summary>
    public bool LeadRight => Question.Answerable && Ranked.Count > 0 && Question.Expect.Contains(Ranked[0]);

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
