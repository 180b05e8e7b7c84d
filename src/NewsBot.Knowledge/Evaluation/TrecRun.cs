using System.Globalization;

namespace NewsBot.Knowledge.Evaluation;

/// <summary>Writes a TREC run file: <c>qid Q0 docid rank score tag</c>, one line per ranked document.</summary>
public static class TrecRun
{
    public static void Write(TextWriter writer, IEnumerable<(string QueryId, IReadOnlyList<(string DocId, double Score)> Ranked)> runs, string tag)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(runs);
        foreach (var (queryId, ranked) in runs)
        {
            for (var i = 0; i < ranked.Count; i++)
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{queryId} Q0 {ranked[i].DocId} {i + 1} {ranked[i].Score:0.######} {tag}"));
            }
        }
    }
}
