using NewsBot.Knowledge.Answers.Freshness;
using NewsBot.Knowledge.Answers.Questions;

namespace NewsBot.Knowledge.Answers.Decision;

/// <summary>An article with the passage chosen to quote from it, the ranker's score and the decider's confidence.</summary>
/// <param name="Score">The article ranker's score (log-odds scale).</param>
/// <param name="Confidence">The decider's probability that the passage answers the question.</param>
/// <param name="Signals">What the decider weighed (<see cref="AnswerFeatures.DecisionNames"/>).</param>
internal sealed record ArticleChoice(ArticleCandidate Candidate, PassageCandidate Passage, double Score, double Confidence, double[] Signals)
{
    public ArticleInfo Article => Candidate.Info;

    /// <summary>True when it cannot answer however confident the decider: its passage does not name the model version
    /// or date asked about, or the article names nowhere a name the question asks about.</summary>
    public bool CannotAnswer => Passage.CannotAnswer || Candidate.NameMissing;
}

/// <summary>What the answer model made of a question.</summary>
/// <param name="Analysis">The reading of the question it was made of: the question as asked, or another reading of it
/// (<see cref="ClauseReadings"/>).</param>
/// <param name="Ordered">The candidate articles in answer order: the lead first.</param>
/// <param name="Answered">True when the lead's confidence reaches the threshold.</param>
/// <param name="Threshold">The confidence an article needs to be shown as an answer.</param>
internal sealed record Selection(QuestionAnalysis Analysis, IReadOnlyList<ArticleChoice> Ordered, bool Answered, double Threshold)
{
    public ArticleChoice? Lead => Ordered.Count > 0 ? Ordered[0] : null;

    /// <summary>The articles shown as answers: the lead and the others confident enough, in order. Another article
    /// must also write the names of several words that the question and the lead write ("What is Claude Code?" is not
    /// answered again, as older coverage, by an article on a Claude model's coding benchmark).</summary>
    public IReadOnlyList<ArticleChoice> Answers
    {
        get
        {
            if (!Answered)
            {
                return [];
            }

            // The question's names of several words that the lead writes, each read once, however many others follow it.
            var leadNames = NamePhrases.Of(Analysis.Question).Select(NamePhrases.Pattern).Where(name => NamePhrases.HeldBy(Ordered[0].Candidate, name)).ToList();
            return [Ordered[0], .. Ordered.Skip(1).Where(c => c.Confidence >= Threshold && !c.CannotAnswer && leadNames.All(name => NamePhrases.HeldBy(c.Candidate, name)))];
        }
    }

    /// <summary>The articles on the lead's topic (<see cref="FreshnessRule.Topic"/>), the lead among them.</summary>
    public IReadOnlySet<ArticleChoice> LeadTopic { get; init; } = new HashSet<ArticleChoice>();

    /// <summary>True for an answer published before the lead: older coverage, possibly out of date.</summary>
    public bool IsOlder(ArticleChoice choice) => Lead is { } lead && choice != lead && choice.Article.Published < lead.Article.Published;

    /// <summary>True for an answer on the lead's topic published after it: newer coverage, which may say the lead's
    /// fact has changed ("PHI2 LICENSE???" quotes the research-only release by a hair over the MIT relicensing). An
    /// answer about something else ("unlike Phi-2" in the Phi-3 launch) is not newer coverage of the lead, and a
    /// question that asks how things were at first or at a date it names wants no newer coverage.</summary>
    public bool IsNewer(ArticleChoice choice) =>
        Lead is { } lead && choice != lead && choice.Article.Published > lead.Article.Published && LeadTopic.Contains(choice)
        && Analysis.Intent.Temporal != TemporalFocus.Earliest && !Analysis.Date.Any;
}
