using NewsBot.Knowledge.Answers.Questions;
using NewsBot.Knowledge.Passages;

namespace NewsBot.Knowledge.Answers.Evidence;

/// <summary>
/// What one passage offers a question: the question terms its text holds, the sentence window (one sentence, or
/// two in a row) that answers it best, and whether that window and the passage hold the kind of fact asked for.
/// </summary>
/// <param name="TextTerms">The question terms the passage text holds.</param>
/// <param name="Window">Start and length of the best window in the passage text: the highlight.</param>
/// <param name="WindowCoverage">Share of the question's terms that the window holds, each weighted by how rare it is in
/// the collection and among the article's passages: within an article about Bard, "bard" tells no passage apart and
/// "rename" does.</param>
internal sealed record PassageEvidence(
    IReadOnlySet<string> TextTerms,
    (int Start, int Length) Window,
    double WindowCoverage,
    bool TypeInWindow,
    bool TypeInPassage)
{
    /// <summary>Sentences longer than this together are not joined into one window.</summary>
    private const int MaxWindowWords = 70;

    /// <summary>How much holding the kind of fact asked for counts when choosing the window, against term coverage (0–1).</summary>
    private const double TypeWeight = 0.25;

    public string Highlight(string text) => text.Substring(Window.Start, Window.Length);

    /// <summary>The evidence of each passage of one article (the passages weighed for the question, in order).</summary>
    public static List<PassageEvidence> Read(IReadOnlyList<PassageReading> passages, IReadOnlyDictionary<string, double> weights, QuestionIntent intent, IReadOnlySet<string> questionWords)
    {
        var sentenceTerms = passages.Select(p => p.SentenceTerms.Select(terms => terms.Where(weights.ContainsKey).ToHashSet(StringComparer.Ordinal)).ToList()).ToList();
        var passageTerms = sentenceTerms.Select(s => s.SelectMany(t => t).ToHashSet(StringComparer.Ordinal)).ToList();

        // A term held by every passage of the article weighs least in choosing among them.
        var local = weights.ToDictionary(
            w => w.Key,
            w => w.Value * Math.Log(1 + (passages.Count / (1.0 + passageTerms.Count(terms => terms.Contains(w.Key))))),
            StringComparer.Ordinal);
        return passages.Select((p, i) => Choose(p, sentenceTerms[i], passageTerms[i], local, intent, questionWords)).ToList();
    }

    private static PassageEvidence Choose(PassageReading passage, List<HashSet<string>> sentenceTerms, HashSet<string> passageTerms, Dictionary<string, double> weights, QuestionIntent intent, IReadOnlySet<string> questionWords)
    {
        var spans = passage.Sentences;
        var total = weights.Values.Sum();
        var typed = intent.Expects != AnswerType.Any;
        var hasType = passage.Facts.Select(f => typed && f.Holds(intent.Expects, questionWords)).ToList();

        var best = (Start: 0, Length: passage.Text.Length);
        var bestCoverage = 0.0;
        var bestHasType = false;
        var bestScore = double.MinValue;
        for (var i = 0; i < spans.Count; i++)
        {
            for (var size = 1; size <= 2 && i + size <= spans.Count; size++)
            {
                var last = spans[i + size - 1];
                var window = (Start: spans[i].Start, Length: last.Start + last.Length - spans[i].Start);
                if (size == 2 && PassageSplitter.WordCount(passage.Text.Substring(window.Start, window.Length)) > MaxWindowWords)
                {
                    continue;
                }

                var terms = size == 1 ? sentenceTerms[i] : sentenceTerms[i].Union(sentenceTerms[i + 1]).ToHashSet(StringComparer.Ordinal);
                var coverage = total <= 0 ? 0 : terms.Sum(t => weights[t]) / total;
                var windowHasType = hasType[i] || (size == 2 && hasType[i + 1]);

                // A second sentence must add something: a term or the fact asked for.
                if (size == 2 && !sentenceTerms[i + 1].Except(sentenceTerms[i]).Any() && !(windowHasType && !hasType[i]))
                {
                    continue;
                }

                var score = coverage + (windowHasType ? TypeWeight : 0) - (size == 2 ? 0.01 : 0);
                if (score > bestScore)
                {
                    (best, bestCoverage, bestHasType, bestScore) = (window, coverage, windowHasType, score);
                }
            }
        }

        return new PassageEvidence(passageTerms, best, bestCoverage, bestHasType, hasType.Any(h => h));
    }
}
