using System.Globalization;
using Lucene.Net.Analysis;
using Lucene.Net.Search;
using NewsBot.Knowledge.Analysis;
using NewsBot.Knowledge.Passages;
using F = NewsBot.Knowledge.Indexing.IndexFields;

namespace NewsBot.Knowledge.Answers.Evidence;

/// <summary>
/// What a passage says, read once whatever the question: its text and heading, its sentences, the analysed terms of
/// each sentence and of the heading, and the facts each sentence states (<see cref="SentenceFacts"/>). Answers weigh
/// the passages of the best few articles for every question; reading them (stored fields, analysis, patterns) costs
/// more than the search itself, so readings are kept (<see cref="PassageReadings"/>).
/// </summary>
/// <param name="Index">The passage's position in its article (0: the first paragraph).</param>
internal sealed record PassageReading(
    string Text,
    string? Heading,
    int Index,
    IReadOnlyList<(int Start, int Length)> Sentences,
    IReadOnlyList<string[]> SentenceTerms,
    IReadOnlyList<SentenceFacts> Facts,
    IReadOnlySet<string> HeadingTerms)
{
    private static readonly HashSet<string> Fields = [F.Text, F.Heading, F.PassageIndex];

    public static PassageReading Read(IndexSearcher searcher, Analyzer analyzer, int doc)
    {
        var stored = searcher.Doc(doc, Fields);
        var text = stored.Get(F.Text, CultureInfo.InvariantCulture) ?? string.Empty;
        var heading = stored.Get(F.Heading, CultureInfo.InvariantCulture);
        return Of(analyzer, text, heading, stored.GetField(F.PassageIndex)?.GetInt32Value() ?? 0);
    }

    public static PassageReading Of(Analyzer analyzer, string text, string? heading, int index)
    {
        var spans = SentenceSplitter.Spans(text);
        if (spans.Count == 0)
        {
            spans.Add((0, text.Length));
        }

        var terms = spans.Select(_ => new List<string>()).ToList();
        var sentence = 0;
        foreach (var token in TextAnalysis.Tokens(analyzer, F.Text, text))
        {
            while (sentence + 1 < spans.Count && token.StartOffset >= spans[sentence + 1].Start)
            {
                sentence++;
            }

            terms[sentence].Add(token.Term);
        }

        var headingTerms = new HashSet<string>(StringComparer.Ordinal);
        TextAnalysis.AddTerms(analyzer, heading, headingTerms);
        return new PassageReading(
            text,
            heading,
            index,
            spans,
            terms.Select(t => t.Distinct(StringComparer.Ordinal).ToArray()).ToList(),
            spans.Select(s => SentenceFacts.Of(text.Substring(s.Start, s.Length))).ToList(),
            headingTerms);
    }
}
