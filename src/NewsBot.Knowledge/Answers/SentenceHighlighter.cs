using Lucene.Net.Analysis;
using NewsBot.Knowledge.Analysis;
using NewsBot.Knowledge.Passages;

namespace NewsBot.Knowledge.Answers;

/// <summary>
/// Picks the sentence of a passage that best answers the question: the one holding the largest
/// IDF-weighted share of the question's terms, extended by the next sentence when that one adds
/// question terms the first lacks (an answer often spans "X did Y. It means Z.").
/// </summary>
internal static class SentenceHighlighter
{
    private const int MaxHighlightWords = 70;

    public static string Best(Analyzer analyzer, string passage, IReadOnlyDictionary<string, double> weights)
    {
        var sentences = SentenceSplitter.Split(passage);
        if (sentences.Count <= 1)
        {
            return passage;
        }

        var termsPerSentence = sentences.Select(s =>
        {
            var terms = new HashSet<string>(StringComparer.Ordinal);
            TextAnalysis.AddTerms(analyzer, s, terms);
            terms.IntersectWith(weights.Keys);
            return terms;
        }).ToList();

        var best = 0;
        var bestWeight = -1.0;
        for (var i = 0; i < sentences.Count; i++)
        {
            var weight = termsPerSentence[i].Sum(t => weights[t]);
            if (weight > bestWeight)
            {
                (best, bestWeight) = (i, weight);
            }
        }

        if (best + 1 < sentences.Count
            && termsPerSentence[best + 1].Except(termsPerSentence[best]).Any()
            && PassageSplitter.WordCount(sentences[best]) + PassageSplitter.WordCount(sentences[best + 1]) <= MaxHighlightWords)
        {
            return sentences[best] + " " + sentences[best + 1];
        }

        return sentences[best];
    }
}
