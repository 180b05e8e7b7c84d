using System.Collections.Frozen;

namespace NewsBot.Knowledge.Passages;

/// <summary>
/// Splits prose into sentences: a boundary is '.', '!' or '?' (with any closing quote or bracket)
/// followed by white space and a capital, digit or opening quote, unless the word before the stop is
/// a known abbreviation ("Inc.", "Dr.", "U.S.", "Jan.") or a single initial.
/// </summary>
internal static class SentenceSplitter
{
    private static readonly FrozenSet<string> Abbreviations = new[]
    {
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "inc", "ltd", "co", "corp", "llc", "plc",
        "vs", "etc", "e.g", "i.e", "u.s", "u.k", "u.n", "e.u", "approx", "no", "fig", "vol", "est",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    public static List<string> Split(string text) => Spans(text).Select(span => text.Substring(span.Start, span.Length)).ToList();

    /// <summary>Where each sentence of <paramref name="text"/> starts and how long it is, trimmed of white space.</summary>
    public static List<(int Start, int Length)> Spans(string text)
    {
        var sentences = new List<(int Start, int Length)>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is not ('.' or '!' or '?'))
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && text[end] is '"' or '\'' or ')' or ']' or '”' or '’')
            {
                end++;
            }

            if (end >= text.Length || !char.IsWhiteSpace(text[end]))
            {
                continue;
            }

            var next = end;
            while (next < text.Length && char.IsWhiteSpace(text[next]))
            {
                next++;
            }

            if (next >= text.Length || !StartsSentence(text[next]) || (text[i] == '.' && IsAbbreviation(text, start, i)))
            {
                continue;
            }

            AddSentence(sentences, text, start, end);
            start = next;
            i = next - 1;
        }

        AddSentence(sentences, text, start, text.Length);
        return sentences;
    }

    private static bool StartsSentence(char c) => char.IsUpper(c) || char.IsDigit(c) || c is '"' or '\'' or '“' or '‘' or '(' or '[';

    private static bool IsAbbreviation(string text, int sentenceStart, int period)
    {
        var wordStart = period;
        while (wordStart > sentenceStart && !char.IsWhiteSpace(text[wordStart - 1]) && text[wordStart - 1] is not ('(' or '"' or '“'))
        {
            wordStart--;
        }

        var word = text[wordStart..period];
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            return true;
        }

        return Abbreviations.Contains(word);
    }

    private static void AddSentence(List<(int Start, int Length)> sentences, string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            sentences.Add((start, end - start));
        }
    }
}
