using NewsBot.Knowledge.Answers.Freshness;

namespace NewsBot.Knowledge.Answers.Decision;

/// <summary>
/// Applies an <see cref="AnswerModel"/> to a <see cref="QuestionAnalysis"/>: orders the candidate articles (with the
/// freshness rule for "now" and "at first" questions), chooses each article's passage to quote, and decides from the
/// lead's signals whether it answers the question.
/// </summary>
internal static class AnswerSelector
{
    public static Selection Select(QuestionAnalysis question, AnswerModel model, double? minConfidence = null) =>
        Select(question, model.ArticleRanker, model.PassageRanker, model.Decider, model.FreshnessMargin, minConfidence ?? model.Threshold);

    /// <summary>
    /// The question as asked, or when it is declined, the most confident of its other readings that answers
    /// (<see cref="ClauseReadings"/>, <see cref="FirstModelReading"/>): a description's words ("the openai model apple
    /// plugged into siri") belong to another article than the answer's, and the question as a whole matches neither
    /// well enough.
    /// </summary>
    /// <param name="readings">The other readings, asked for only when the question as asked is declined.</param>
    /// <param name="select">What the model makes of one reading (the question as asked first).</param>
    public static Selection SelectReading(QuestionAnalysis asked, Func<IReadOnlyList<QuestionAnalysis>> readings, Func<QuestionAnalysis, Selection> select)
    {
        var selection = select(asked);
        if (selection.Answered)
        {
            return selection;
        }

        return readings().Select(select).Where(s => s.Answered).MaxBy(s => s.Lead!.Confidence) ?? selection;
    }

    /// <summary>
    /// Whether a lead of this <paramref name="confidence"/> answers the question at <paramref name="threshold"/>: a
    /// passage that names neither the model version nor the date asked about never answers, however confident the
    /// decider, nor does an article that names nowhere a name asked about, nor is a question about nothing in particular
    /// or about something the collection lacks the words for (<see cref="QuestionAnalysis.MostlyUnknown"/>) ever
    /// answered. The fitter chooses the threshold by the same test.
    /// </summary>
    public static bool WouldAnswer(QuestionAnalysis question, ArticleChoice lead, double confidence, double threshold) =>
        confidence >= threshold && !lead.CannotAnswer && !question.TooGeneral && !question.MostlyUnknown;

    /// <param name="decider">Null while fitting the decider: every confidence is then 0 and only the order and signals count.</param>
    public static Selection Select(QuestionAnalysis question, LinearModel articleRanker, LinearModel passageRanker, LinearModel? decider, double freshnessMargin, double threshold)
    {
        if (question.Articles.Count == 0)
        {
            return new Selection(question, [], false, threshold);
        }

        var ranked = question.Articles
            .Select(a => (Article: a, Score: articleRanker.Score(AnswerFeatures.Article(a, question))))
            .OrderByDescending(a => a.Score)
            .ThenBy(a => a.Article.Rank)
            .ToList();
        // Each article is weighed against the next one down: the lead against the runner-up, a further answer
        // ("more", older coverage) against the articles below it, not against the lead it follows.
        var choices = ranked.Select((a, i) => Choice(a.Article, a.Score, i + 1 < ranked.Count ? ranked[i + 1].Score : null)).ToList();

        var (ordered, topic) = FreshnessRule.Order(choices, question, freshnessMargin);
        if (ordered[0] != choices[0])
        {
            // The newest (or earliest) article on the topic that answers leads: the topic's articles answer together,
            // so each is weighed against the best article on another topic. When none of those the rule prefers to the
            // best article answers, the best one leads as for any question ("whats the biggest context window on
            // gemini now" quotes the Gemini 1.5 Pro article rather than being declined for the Gemini 2.0 one, which
            // only recalls it in passing).
            var offTopic = ordered.Where(c => !topic.Contains(c)).Select(c => (double?)c.Score).FirstOrDefault();
            var preferred = FreshnessRule.InPreference(topic, question.Intent.Temporal)
                .TakeWhile(c => c != choices[0])
                .Select(c => Choice(c.Candidate, c.Score, offTopic))
                .ToList();
            var lead = decider is null ? preferred[0] : preferred.FirstOrDefault(c => c.Confidence >= threshold && !c.CannotAnswer);
            ordered = lead is null ? choices : [lead, .. choices.Where(c => c.Candidate != lead.Candidate)];
        }

        // An article quotes a passage that names the version and date asked about when it has one (Choice, below).
        var answered = decider is not null && WouldAnswer(question, ordered[0], ordered[0].Confidence, threshold);
        return new Selection(question, ordered, answered, threshold) { LeadTopic = FreshnessRule.Topic(ordered, freshnessMargin) };

        ArticleChoice Choice(ArticleCandidate article, double score, double? runnerUp)
        {
            var (passage, passageScore) = article.Passages
                .Select(p => (Passage: p, Score: passageRanker.Score(AnswerFeatures.Passage(p, article, question))))
                .MaxBy(p => (p.Passage.CannotAnswer ? 0 : 1, p.Score));
            var signals = AnswerFeatures.Decision(article, passage, score, runnerUp, passageScore, question);
            return new ArticleChoice(article, passage, score, decider?.Probability(signals) ?? 0, signals);
        }
    }
}
