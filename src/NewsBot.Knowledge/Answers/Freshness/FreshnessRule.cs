using NewsBot.Knowledge.Answers.Decision;
using NewsBot.Knowledge.Answers.Questions;

namespace NewsBot.Knowledge.Answers.Freshness;

/// <summary>
/// News goes stale: a question that asks how things are now ("still", "these days", "latest", ...) is answered by
/// the newest article on its topic, and one that asks how they were at first ("originally", "at launch") by the
/// earliest. An article is on the topic when the ranker scores it within the fitted margin of the best one, its
/// passages name what the question names at least as fully as the best one's do, and its title names the model
/// versions asked about when the best one's does (the Phi-3 launch, which says "unlike Phi-2", is not on the topic of
/// "what license is phi-2 under now"). The lead must still answer: <see cref="Decision.AnswerSelector"/> takes the
/// first of the topic's articles in <see cref="InPreference"/> order whose confidence reaches the threshold, and the
/// best-ranked article when none before it does. Questions without
/// such wording keep the ranker's order: older articles that answer too are then shown as older coverage
/// (<see cref="Selection.IsOlder"/>), with semantic ranking on or off alike, and newer ones on the lead's topic as newer
/// coverage (<see cref="Selection.IsNewer"/>).
/// </summary>
internal static class FreshnessRule
{
    /// <summary>Articles looked at for a newer (or earlier) answer: the best few, all of them weighed by the answer
    /// model (<see cref="CandidateSearch"/>). The newest article on a topic is often not among the four that share the
    /// most words with the question: for "latest anthropic model" the two Amazon investments and Claude 2 name Anthropic
    /// more often than the Claude 3.7 Sonnet launch does, which ranks fifth, and "what's microsoft's newest ai model"
    /// ranks the Phi-3 launch fifth behind the Mistral partnership and the Azure chips. Six rather than four: no
    /// held-out figure moved beyond a question's noise, with vectors or without (docs/answer-engine.md).</summary>
    public const int TopicDepth = 6;

    /// <returns>The articles in answer order, and the ones on the lead's topic (the lead alone when the rule did not apply).</returns>
    public static (List<ArticleChoice> Ordered, IReadOnlySet<ArticleChoice> Topic) Order(List<ArticleChoice> ordered, QuestionAnalysis question, double margin)
    {
        if (question.Intent.Temporal == TemporalFocus.None || ordered.Count < 2)
        {
            return (ordered, new HashSet<ArticleChoice> { ordered[0] });
        }

        var best = ordered[0];
        var topic = Topic(ordered, margin);
        var chosen = InPreference(topic, question.Intent.Temporal).First();
        return chosen == best ? (ordered, topic) : ([chosen, .. ordered.Where(c => c != chosen)], topic);
    }

    /// <summary>
    /// The best few articles on the topic of the best-ranked one (<paramref name="ordered"/>'s first): scored within
    /// <paramref name="margin"/> of it, naming what the question names at least as fully, and naming the model versions
    /// asked about in their titles when the best one does.
    /// </summary>
    public static HashSet<ArticleChoice> Topic(IReadOnlyList<ArticleChoice> ordered, double margin)
    {
        var best = ordered[0];
        return ordered
            .Take(TopicDepth)
            .Where(c => c.Score >= best.Score - margin && NameCoverage(c) >= NameCoverage(best) - 1e-9 && (c.Candidate.TitleNamesAskedVersions || !best.Candidate.TitleNamesAskedVersions))
            .ToHashSet();
    }

    /// <summary>The topic's articles in the order the question prefers them: newest first for "now", earliest first
    /// for "at first" (the better-ranked first among articles of the same day).</summary>
    public static IEnumerable<ArticleChoice> InPreference(IEnumerable<ArticleChoice> topic, TemporalFocus focus) =>
        focus == TemporalFocus.Latest
            ? topic.OrderByDescending(c => c.Article.Published).ThenByDescending(c => c.Score)
            : topic.OrderBy(c => c.Article.Published).ThenByDescending(c => c.Score);

    /// <summary>How much of the question's names the article's best passage (with its title and tags) holds.</summary>
    private static double NameCoverage(ArticleChoice choice) => choice.Candidate.Passages.Max(p => p.NameCoverage);
}
