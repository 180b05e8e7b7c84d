namespace NewsBot.Knowledge.Evaluation;

/// <summary>Ranking metrics with trec_eval's definitions (linear gain, log2 discount).</summary>
public static class RetrievalMetrics
{
    /// <summary>nDCG at <paramref name="k"/>: DCG of the ranking over DCG of the ideal ranking of the judged documents.</summary>
    public static double Ndcg(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> relevant, int k)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(relevant);
        var dcg = 0.0;
        for (var i = 0; i < Math.Min(k, ranked.Count); i++)
        {
            if (relevant.TryGetValue(ranked[i], out var gain))
            {
                dcg += gain / Math.Log2(i + 2);
            }
        }

        var ideal = relevant.Values.OrderByDescending(g => g).Take(k).Select((g, i) => g / Math.Log2(i + 2)).Sum();
        return ideal == 0 ? 0 : dcg / ideal;
    }

    /// <summary>Share of the relevant documents found in the first <paramref name="k"/>.</summary>
    public static double Recall(IReadOnlyList<string> ranked, IReadOnlyDictionary<string, int> relevant, int k)
    {
        ArgumentNullException.ThrowIfNull(ranked);
        ArgumentNullException.ThrowIfNull(relevant);
        return relevant.Count == 0 ? 0 : (double)ranked.Take(k).Count(relevant.ContainsKey) / relevant.Count;
    }
}
