using System.Text.RegularExpressions;

namespace NewsBot.Knowledge.Answers.Questions;

/// <summary>
/// Names made of a word and one capital letter: funding rounds ("Series A", "Series B"), share classes ("Class A"),
/// product variants ("Model S"). The letter works as a version does: "how much did xai raise in its series a" is not
/// answered from a passage about its Series B (<see cref="ModelVersions"/> reads versions that are numbers). The
/// analyzer keeps no single letter (or drops it as a stop word, as "a"), so these are read from the text. A question's
/// word and letter count as such a name only where the passages weighed for it write that word before a capital letter:
/// "is there a bigger llama 3" asks for no "there A".
/// </summary>
internal static partial class LetteredNames
{
    /// <summary>The question's lettered names ("series a") that <paramref name="texts"/> write their word with some
    /// letter after ("Series B"), lower case.</summary>
    /// <param name="question">The question's text.</param>
    /// <param name="texts">What the question is weighed against: the weighed passages and their articles' titles, read
    /// only when the question has a word and a letter at all.</param>
    public static IReadOnlyList<string> Asked(string question, Func<IReadOnlyList<string>> texts)
    {
        List<string>? asked = null;
        IReadOnlyList<string>? weighed = null;
        foreach (Match match in WordAndLetter().Matches(question))
        {
            var name = $"{match.Groups["word"].Value.ToLowerInvariant()} {match.Groups["letter"].Value.ToLowerInvariant()}";
            if ((weighed ??= texts()).Any(text => WithAnyLetter(text, name)))
            {
                (asked ??= []).Add(name);
            }
        }

        return asked ?? [];
    }

    /// <summary>Whether <paramref name="text"/> writes the lettered <paramref name="name"/> ("series a"), in any case.</summary>
    public static bool Holds(string? text, string name) => WrittenAt(text, name).Any();

    /// <summary>Whether a name's word and single letter ("series", "c") are another letter of the lettered
    /// <paramref name="name"/>'s word ("series b").</summary>
    public static bool IsOtherLetter(string word, string letter, string name) =>
        letter.Length == 1 && name.Length == word.Length + 2 && name.StartsWith(word, StringComparison.Ordinal) && name[^1] != letter[0];

    /// <summary>Where <paramref name="text"/> writes the lettered <paramref name="name"/>, in any case: the index of
    /// each place its word starts.</summary>
    private static IEnumerable<int> WrittenAt(string? text, string name)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        var word = Word(name);
        for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
        {
            var end = at + word.Length;
            if (at > 0 && char.IsLetterOrDigit(text[at - 1]))
            {
                continue;
            }

            var letter = end;
            while (letter < text.Length && char.IsWhiteSpace(text[letter]))
            {
                letter++;
            }

            if (letter > end && letter < text.Length && char.ToLowerInvariant(text[letter]) == name[^1]
                && (letter + 1 == text.Length || !char.IsLetterOrDigit(text[letter + 1])))
            {
                yield return at;
            }
        }
    }

    /// <summary>A lettered name's word ("series" of "series a").</summary>
    private static string Word(string name) => name[..name.IndexOf(' ', StringComparison.Ordinal)];

    /// <summary>Whether a sentence speaks of something else than the lettered <paramref name="name"/>: it writes the
    /// name's word only with other letters (<see cref="OnlyOthers"/>), or writes the name only as the time before
    /// which what it states happened ("Before the Series A, Mistral AI had raised a €105 million seed round" tells of
    /// the seed round, not of the Series A), unless the <paramref name="question"/> asks about that time itself ("was
    /// there a seed round before mistral's series a").</summary>
    public static bool SpeaksOfOthers(string sentence, string name, string question) =>
        OnlyOthers(sentence, name) || (OnlyAsEarlierTime(sentence, name) && !OnlyAsEarlierTime(question, name));

    /// <summary>Whether every place <paramref name="text"/> writes <paramref name="name"/> follows "before", "prior to",
    /// "ahead of" or "until" within three words ("Before the $6 billion Series B, ...").</summary>
    public static bool OnlyAsEarlierTime(string text, string name)
    {
        var written = false;
        foreach (var at in WrittenAt(text, name))
        {
            if (!EarlierTime().IsMatch(text.AsSpan(0, at)))
            {
                return false;
            }

            written = true;
        }

        return written;
    }

    /// <summary>Whether <paramref name="text"/> writes the word of the lettered <paramref name="name"/> only with other
    /// letters: "The xAI Series C had 97 investors" speaks of another round than "series b", so what it states does not
    /// answer a question about the Series B.</summary>
    public static bool OnlyOthers(string text, string name) => !Holds(text, name) && WithAnyLetter(text, name);

    /// <summary>Whether <paramref name="text"/> writes the word of <paramref name="name"/> before a capital letter
    /// standing alone, in any case (the pattern is kept in <see cref="Regex"/>'s cache: the same names recur).</summary>
    private static bool WithAnyLetter(string text, string name) =>
        Regex.IsMatch(text, @"(?<![\p{L}\p{N}])(?i:" + Regex.Escape(Word(name)) + @")\s+\p{Lu}(?![\p{L}\p{N}])", RegexOptions.CultureInvariant);

    /// <summary>"before", "prior to", "ahead of" or "until", then up to three words of the same clause (none ending in a
    /// comma: "Before the round, the Series A ..." speaks of the Series A), at the end of the text before a name.</summary>
    [GeneratedRegex(@"(?i)\b(?:before|prior to|ahead of|until)(?:\s+[^\s;:]*[^\s,;:.]){0,3}\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex EarlierTime();

    /// <summary>A word of three letters or more, then a single letter standing alone ("series a", "Series B's"); not "I".</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?<word>\p{L}{3,})\s+(?<letter>(?![iI](?![\p{L}\p{N}]))\p{L})(?![\p{L}\p{N}])", RegexOptions.CultureInvariant)]
    private static partial Regex WordAndLetter();
}
