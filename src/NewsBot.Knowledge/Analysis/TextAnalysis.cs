using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace NewsBot.Knowledge.Analysis;

/// <summary>A term produced by analysis, with its position; joined model names share the position of their version.</summary>
/// <param name="StartOffset">Where the token's text starts in the analyzed string.</param>
internal readonly record struct AnalyzedToken(string Term, int Position, bool SharesPosition, int StartOffset);

/// <summary>Runs the analyzer over a piece of text outside of indexing.</summary>
internal static class TextAnalysis
{
    public static List<AnalyzedToken> Tokens(Analyzer analyzer, string field, string text)
    {
        var tokens = new List<AnalyzedToken>();
        using var stream = analyzer.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        stream.Reset();
        var position = -1;
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add(new AnalyzedToken(term.ToString(), Math.Max(position, 0), increment.PositionIncrement == 0, offset.StartOffset));
        }

        stream.End();
        return tokens;
    }

    public static void AddTerms(Analyzer analyzer, string? text, HashSet<string> terms)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        foreach (var token in Tokens(analyzer, Indexing.IndexFields.Text, text))
        {
            terms.Add(token.Term);
        }
    }
}
