using System.Numerics;
using NewsBot.Knowledge.Answers.Questions;

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
/// <param name="TypedSentenceCoverage">The same share for the best single sentence that holds the kind of fact asked
/// for (0 when none does, or the question asks for no kind the model weighs: <see cref="QuestionIntent.WeighsKind"/>):
/// an answer stands beside the words of its question, so "Google renamed Bard to Gemini on 8 February 2024" answers
/// "when did Google rename Bard" where a date in the sentence after "the rename from Bard to Gemini" does not.</param>
/// <param name="UnitInWindow">Whether the window states a number beside one of the question's units
/// (<see cref="QuestionIntent.Units"/>): "7 billion parameters" for "how many parameters".</param>
internal sealed record PassageEvidence(
    IReadOnlySet<string> TextTerms,
    (int Start, int Length) Window,
    double WindowCoverage,
    bool TypeInWindow,
    bool TypeInPassage,
    double TypedSentenceCoverage,
    bool UnitInWindow)
{
    /// <summary>Sentences longer than this together are not joined into one window.</summary>
    private const int MaxWindowWords = 70;

    /// <summary>How much holding the kind of fact asked for counts when choosing the window, against term coverage (0–1).</summary>
    private const double TypeWeight = 0.25;

    /// <summary>How much a number beside the unit the question names counts when choosing the window, on top of
    /// <see cref="TypeWeight"/>: "499 votes to 28" over "the three-way negotiations" for "what was the vote".</summary>
    private const double UnitWeight = 0.1;

    /// <summary>Question terms tracked per sentence (a bit each); a question with more keeps its weightiest.</summary>
    private const int MaxTerms = 64;

    public string Highlight(string text) => text.Substring(Window.Start, Window.Length);

    /// <summary>The evidence of each passage of one article (the passages weighed for the question, in order).</summary>
    /// <param name="lettered">The question's lettered names ("series b": <see cref="LetteredNames"/>): a sentence that
    /// writes their word only with other letters ("the Series C had 97 investors"), or names them only as the time
    /// before what it states, speaks of something else, so neither its words nor its facts answer.</param>
    public static List<PassageEvidence> Read(IReadOnlyList<PassageReading> passages, IReadOnlyDictionary<string, double> weights, QuestionIntent intent, IReadOnlySet<string> questionWords, IReadOnlyList<string>? lettered = null)
    {
        // Each question term is a bit: a sentence's terms are a mask, a window's coverage a sum over its bits.
        var terms = weights.OrderByDescending(w => w.Value).ThenBy(w => w.Key, StringComparer.Ordinal).Take(MaxTerms).Select(w => w.Key).ToArray();
        var bits = new Dictionary<string, int>(terms.Length, StringComparer.Ordinal);
        for (var i = 0; i < terms.Length; i++)
        {
            bits[terms[i]] = i;
        }

        var termMasks = passages.Select(p => p.SentenceTerms.Select(sentence => Mask(sentence, bits)).ToArray()).ToList();
        var passageMasks = termMasks.Select(masks => masks.Aggregate(0UL, (all, mask) => all | mask)).ToList();

        // The passage still holds a sentence's words when it speaks of something else than a lettered name asked about,
        // but no window counts them. Only a question with a lettered name reads sentences for that.
        var others = lettered is { Count: > 0 } ? passages.Select(p => AboutOthers(p, lettered, intent.Topic)).ToList() : null;
        var sentenceMasks = others is null ? termMasks : termMasks.Select((masks, p) => masks.Select((mask, i) => others[p][i] ? 0UL : mask).ToArray()).ToList();

        // A term held by every passage of the article weighs least in choosing among them.
        var local = new double[terms.Length];
        for (var i = 0; i < terms.Length; i++)
        {
            var holding = passageMasks.Count(mask => (mask & (1UL << i)) != 0);
            local[i] = weights[terms[i]] * Math.Log(1 + (passages.Count / (1.0 + holding)));
        }

        var total = local.Sum();
        return passages.Select((p, i) => Choose(p, sentenceMasks[i], others?[i], passageMasks[i], terms, local, total, intent, questionWords, lettered)).ToList();
    }

    /// <summary>Which sentences of the passage speak of something else than a lettered name asked about (<see cref="LetteredNames.SpeaksOfOthers"/>).</summary>
    private static bool[] AboutOthers(PassageReading passage, IReadOnlyList<string> lettered, string question)
    {
        var others = new bool[passage.Sentences.Count];
        for (var i = 0; i < others.Length; i++)
        {
            var (start, length) = passage.Sentences[i];
            var sentence = passage.Text.Substring(start, length);
            others[i] = lettered.Any(name => LetteredNames.SpeaksOfOthers(sentence, name, question));
        }

        return others;
    }

    /// <param name="aboutOthers">Which sentences speak of something else than a lettered name asked about (null when
    /// the question asks about none).</param>
    private static PassageEvidence Choose(PassageReading passage, ulong[] sentences, bool[]? aboutOthers, ulong passageMask, string[] terms, double[] weights, double total, QuestionIntent intent, IReadOnlySet<string> questionWords, IReadOnlyList<string>? lettered)
    {
        var spans = passage.Sentences;
        var typed = intent.Expects != AnswerType.Any;
        var hasType = new bool[spans.Count];
        for (var i = 0; i < spans.Count; i++)
        {
            hasType[i] = typed && aboutOthers?[i] != true && passage.Facts[i].Holds(intent.Expects, questionWords, lettered);
        }

        var hasUnit = new bool[spans.Count];
        for (var i = 0; i < spans.Count && intent.Units.Count > 0; i++)
        {
            hasUnit[i] = hasType[i] && passage.Facts[i].HoldsUnit(passage.Text.Substring(spans[i].Start, spans[i].Length), intent.Units, questionWords);
        }

        var typedSentenceCoverage = 0.0;
        var best = (Start: 0, Length: passage.Text.Length);
        var bestCoverage = 0.0;
        var bestHasType = false;
        var bestHasUnit = false;
        var bestScore = double.MinValue;
        for (var i = 0; i < spans.Count; i++)
        {
            for (var size = 1; size <= 2 && i + size <= spans.Count; size++)
            {
                if (size == 2 && passage.SentenceWords[i] + passage.SentenceWords[i + 1] > MaxWindowWords)
                {
                    continue;
                }

                var mask = size == 1 ? sentences[i] : sentences[i] | sentences[i + 1];
                var windowHasType = hasType[i] || (size == 2 && hasType[i + 1]);
                var windowHasUnit = hasUnit[i] || (size == 2 && hasUnit[i + 1]);

                // A second sentence must add something: a term or the fact asked for.
                if (size == 2 && (sentences[i + 1] & ~sentences[i]) == 0 && !(windowHasType && !hasType[i]))
                {
                    continue;
                }

                var coverage = total <= 0 ? 0 : Sum(mask, weights) / total;
                if (size == 1 && hasType[i] && intent.WeighsKind)
                {
                    typedSentenceCoverage = Math.Max(typedSentenceCoverage, coverage);
                }

                var score = coverage + (windowHasType ? TypeWeight : 0) + (windowHasUnit ? UnitWeight : 0) - (size == 2 ? 0.01 : 0);
                if (score > bestScore)
                {
                    var last = spans[i + size - 1];
                    (best, bestCoverage, bestHasType, bestHasUnit, bestScore) = ((spans[i].Start, last.Start + last.Length - spans[i].Start), coverage, windowHasType, windowHasUnit, score);
                }
            }
        }

        var textTerms = new HashSet<string>(StringComparer.Ordinal);
        for (var rest = passageMask; rest != 0; rest &= rest - 1)
        {
            textTerms.Add(terms[BitOperations.TrailingZeroCount(rest)]);
        }

        return new PassageEvidence(textTerms, best, bestCoverage, bestHasType, hasType.Any(h => h), typedSentenceCoverage, bestHasUnit);
    }

    private static ulong Mask(string[] sentence, Dictionary<string, int> bits)
    {
        var mask = 0UL;
        foreach (var term in sentence)
        {
            if (bits.TryGetValue(term, out var bit))
            {
                mask |= 1UL << bit;
            }
        }

        return mask;
    }

    private static double Sum(ulong mask, double[] weights)
    {
        var sum = 0.0;
        for (var rest = mask; rest != 0; rest &= rest - 1)
        {
            sum += weights[BitOperations.TrailingZeroCount(rest)];
        }

        return sum;
    }
}
