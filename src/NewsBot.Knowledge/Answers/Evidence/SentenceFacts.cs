using System.Text.RegularExpressions;
using NewsBot.Knowledge.Answers.Questions;

namespace NewsBot.Knowledge.Answers.Evidence;

/// <summary>
/// The facts a sentence states that a question may ask for: numbers and amounts, sums of money, dates, names, places
/// after a preposition, and whether it gives a cause. Read once per sentence, whatever the question (the shapes are
/// those of English news prose, not of any topic); <see cref="Holds"/> then says whether the sentence adds a fact of
/// the asked kind to what the question already says.
/// </summary>
internal sealed partial record SentenceFacts(
    IReadOnlyList<string> Numbers,
    IReadOnlyList<string> AmountWords,
    IReadOnlyList<string> Money,
    IReadOnlyList<string> Dates,
    IReadOnlyList<string[]> Names,
    IReadOnlyList<string> Places,
    bool Cause,
    bool Defines)
{
    /// <summary>Words either side of a number beside which a unit stands ("100,000 Nvidia H100 GPUs", "scored 86.4% on MMLU").</summary>
    private const int UnitReach = 4;

    /// <summary>Words this long may be mistyped by a letter and still agree, as <see cref="Questions.TypoCorrection"/>
    /// reads them ("paramters").</summary>
    private const int MinTypoLength = 6;

    /// <summary>Each amount the sentence states (as <see cref="Numbers"/> and <see cref="AmountWords"/> hold it) with the
    /// lower-case words within <see cref="UnitReach"/> of it; read when a question with units first asks, since most
    /// questions have none and a reading is cached for every question.</summary>
    private List<(string Amount, string[] Near)>? _amountsNear;

    /// <summary>Whether the sentence states an amount the question does not, beside a word that agrees with one of the
    /// question's units (<see cref="QuestionIntent.Units"/>): "7 billion parameters" for "how many parameters".</summary>
    /// <param name="sentence">The sentence these facts were read from (not kept with them: the passage holds its text).</param>
    public bool HoldsUnit(string sentence, IReadOnlyList<string> units, IReadOnlySet<string> questionWords) =>
        (_amountsNear ??= AmountsWithNeighbours(sentence)).Any(amount => !questionWords.Contains(amount.Amount) && amount.Near.Any(word => units.Any(unit => Agree(unit, word))));

    /// <summary>One word is the other with an ending ("vote", "voted", "votes"; "params", "parameters"): the shorter,
    /// without a plural s, starts the longer; or, both long, they are a typed letter apart ("paramters").</summary>
    private static bool Agree(string unit, string word)
    {
        var (shorter, longer) = unit.Length <= word.Length ? (unit, word) : (word, unit);
        shorter = WithoutPlural(shorter);
        return (shorter.Length >= 3 && longer.StartsWith(shorter, StringComparison.Ordinal))
            || (shorter.Length >= MinTypoLength && OneEditApart(shorter, WithoutPlural(longer)));
    }

    private static string WithoutPlural(string word) => word.Length > 3 && word.EndsWith('s') ? word[..^1] : word;

    /// <summary>Whether one letter added, dropped or changed turns one word into the other.</summary>
    private static bool OneEditApart(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1)
        {
            return false;
        }

        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        var start = 0;
        while (start < shorter.Length && shorter[start] == longer[start])
        {
            start++;
        }

        var skip = shorter.Length == longer.Length ? 1 : 0;
        return shorter.AsSpan(Math.Min(start + skip, shorter.Length)).SequenceEqual(longer.AsSpan(Math.Min(start + 1, longer.Length)));
    }

    /// <param name="questionWords">The question's words, lower case (what the answer must add to).</param>
    /// <param name="lettered">The question's lettered names ("series b"): another letter of the same word ("Series C")
    /// is a sibling of the name asked about, not a name that answers "who invested in the series b".</param>
    public bool Holds(AnswerType type, IReadOnlySet<string> questionWords, IReadOnlyList<string>? lettered = null) => type switch
    {
        AnswerType.Number => Numbers.Concat(AmountWords).Any(n => !questionWords.Contains(n)),
        AnswerType.Money => Money.Any(m => !questionWords.Contains(m)),
        AnswerType.Date => Dates.Any(d => !questionWords.Contains(d)),
        AnswerType.Name => Names.Any(words => !words.All(questionWords.Contains) && !IsLetteredSibling(words, lettered)),
        AnswerType.Place => Places.Any(p => !questionWords.Contains(p)),
        AnswerType.Reason => Cause,
        AnswerType.Definition => Defines,
        _ => false,
    };

    /// <summary>Whether a name's words hold a lettered name's word with another single letter ("xai", "series", "c" for
    /// "series b").</summary>
    private static bool IsLetteredSibling(string[] words, IReadOnlyList<string>? lettered)
    {
        if (lettered is not { Count: > 0 })
        {
            return false;
        }

        for (var i = 0; i + 1 < words.Length; i++)
        {
            if (lettered.Any(name => LetteredNames.IsOtherLetter(words[i], words[i + 1], name)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The question's words, lower case, for <see cref="Holds"/>.</summary>
    public static HashSet<string> WordsOf(string question) =>
        QuestionWords().Matches(question.ToLowerInvariant()).Select(m => m.Value).ToHashSet(StringComparer.Ordinal);

    public static SentenceFacts Of(string sentence) => new(
        NumberAmounts(sentence).Select(number => number.Value).ToList(),
        WordAmounts(sentence).Select(word => word.Value).ToList(),
        MoneyPattern().Matches(sentence).Select(m => Digits().Match(m.Value).Value).ToList(),
        DatesPattern().Matches(sentence).Select(m => m.Value.ToLowerInvariant()).ToList(),
        NamesPattern().Matches(sentence).Select(m => NameWords(m, sentence)).Where(words => words.Length > 0).ToList(),
        PlacesPattern().Matches(sentence).Select(m => m.Groups["name"].Value).Where(name => !StartsWithTime(name)).Select(name => name.ToLowerInvariant()).ToList(),
        Causes().IsMatch(sentence),
        Definitions().IsMatch(sentence));

    /// <summary>The numbers of a sentence that are amounts (<see cref="IsAmount"/>), lower case, each with where it stands.</summary>
    private static IEnumerable<(int Index, string Value)> NumberAmounts(string sentence) =>
        NumbersPattern().Matches(sentence)
            .Select(m => (m.Index, Value: m.Value.TrimEnd('.', ',')))
            .Where(number => IsAmount(number.Value, sentence))
            .Select(number => (number.Index, number.Value.ToLowerInvariant()));

    /// <summary>The amounts a sentence spells out ("seven", "twice"), lower case, each with where it stands.</summary>
    private static IEnumerable<(int Index, string Value)> WordAmounts(string sentence) =>
        AmountWordsPattern().Matches(sentence).Select(m => (m.Index, m.Value.ToLowerInvariant()));

    /// <summary>The amounts of <paramref name="sentence"/> (<see cref="Numbers"/>, then <see cref="AmountWords"/>), each
    /// with the words around it.</summary>
    private static List<(string Amount, string[] Near)> AmountsWithNeighbours(string sentence)
    {
        var words = Words().Matches(sentence.ToLowerInvariant());
        return NumberAmounts(sentence).Concat(WordAmounts(sentence)).Select(amount => (amount.Value, WordsAround(words, amount.Index))).ToList();
    }

    /// <summary>The words within <see cref="UnitReach"/> of the word at <paramref name="at"/> (a character index).</summary>
    private static string[] WordsAround(MatchCollection words, int at)
    {
        var index = 0;
        while (index < words.Count && words[index].Index + words[index].Length <= at)
        {
            index++;
        }

        var from = Math.Max(0, index - UnitReach);
        var to = Math.Min(words.Count, index + UnitReach + 1);
        var near = new string[to - from];
        for (var i = from; i < to; i++)
        {
            near[i - from] = words[i].Value;
        }

        return near;
    }

    /// <summary>The names a sentence states as written ("GPT-4o", "Mistral AI"), each with its lower-case words.</summary>
    /// <param name="nameAtStart">Whether the capitalised first word of the sentence is a name's (the sentence's first
    /// word is capitalised anyway: "Using ChatGPT" names ChatGPT, "Mistral AI released" names Mistral AI).</param>
    public static IEnumerable<(string Text, string[] Words)> NamesIn(string sentence, Func<string, bool> nameAtStart)
    {
        foreach (Match match in NamesPattern().Matches(sentence))
        {
            var parts = Possessive().Replace(match.Value, string.Empty).TrimEnd('.', ',').Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (AtSentenceStart(match, sentence) && !nameAtStart(parts[0]))
            {
                parts = parts[1..];
            }

            var words = parts.SelectMany(part => Words().Matches(part.ToLowerInvariant()).Select(w => w.Value)).ToArray();
            if (words.Length > 0 && !IsDate(match.Value))
            {
                yield return (string.Join(' ', parts), words);
            }
        }
    }

    /// <summary>"in February 2024", "on Tuesday": a time after a preposition, not a place (a date word leads the name).</summary>
    private static bool StartsWithTime(string name) => DatesPattern().Match(name) is { Success: true, Index: 0 };

    /// <summary>A number that is an amount: not a year, nor a day of the month.</summary>
    private static bool IsAmount(string value, string sentence)
    {
        if (Year().IsMatch(value))
        {
            return false;
        }

        var at = sentence.IndexOf(value, StringComparison.Ordinal);
        var after = sentence[(at + value.Length)..].TrimStart();
        var before = sentence[..at].TrimEnd();
        return !(value.Length <= 2 && (MonthAtStart().IsMatch(after) || MonthAtEnd().IsMatch(before)));
    }

    /// <summary>The lower-case words of a run of capitalised words that is a name; none when it is not one.</summary>
    private static string[] NameWords(Match match, string sentence)
    {
        if (IsDate(match.Value))
        {
            return [];
        }

        // A possessive is no word of the name: "Apple's ChatGPT" names Apple and ChatGPT.
        var words = Words().Matches(Possessive().Replace(match.Value, string.Empty).ToLowerInvariant()).Select(w => w.Value).ToArray();

        // The first word of a sentence is capitalised anyway: it is not part of the name after it ("Using ChatGPT
        // through Apple Intelligence is free" names ChatGPT, not "Using ChatGPT"), and alone it is no name at all.
        // A word that starts lower case before a capital ("xAI promoted ...") is a name wherever it stands.
        return AtSentenceStart(match, sentence) && char.IsUpper(match.Value[0]) ? words[1..] : words;
    }

    /// <summary>A run of capitals that is a date, not a name: it holds a month ("March 2024"), or is a day of the week.</summary>
    private static bool IsDate(string run) => Months().IsMatch(run) || Weekday().IsMatch(run);

    private static bool AtSentenceStart(Match match, string sentence) => OpensSentence(sentence, match.Index);

    /// <summary>Whether the word at <paramref name="at"/> opens a sentence of <paramref name="text"/>: only spaces
    /// before it, or a sentence's end (a capital there says nothing of a name).</summary>
    public static bool OpensSentence(string text, int at)
    {
        var before = text.AsSpan(0, at).TrimEnd();
        return before.IsEmpty || SentenceEnd().IsMatch(before);
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Words();

    [GeneratedRegex(@"['’]s\b")]
    private static partial Regex Possessive();

    /// <summary>Words, with numbers kept whole ("2.7", "6.6b", "1,000").</summary>
    [GeneratedRegex(@"\p{N}+(?:[.,]\p{N}+)*\p{L}*|[\p{L}\p{N}]+")]
    private static partial Regex QuestionWords();

    [GeneratedRegex(@"(?<![\p{L}\d-])\d[\d,.]*(?:[kmbt]\b|x\d+\w*)?", RegexOptions.IgnoreCase)]
    private static partial Regex NumbersPattern();

    [GeneratedRegex(@"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|thousand|million|billion|trillion|twice|half|a third|a quarter|a fifth|dozens?)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AmountWordsPattern();

    [GeneratedRegex(@"[$€£¥]\s?\d[\d,.]*|\b\d[\d,.]*\s?(?:billion|million|trillion|bn)?\s?(?:dollars|euros|pounds|USD|EUR|GBP)\b|\b\d+\s?cents\b", RegexOptions.IgnoreCase)]
    private static partial Regex MoneyPattern();

    [GeneratedRegex(@"\d[\d,.]*")]
    private static partial Regex Digits();

    [GeneratedRegex(@"^(?:19|20)\d\d$")]
    private static partial Regex Year();

    [GeneratedRegex(@"\b(?:(?:19|20)\d\d|January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|\d{4}-\d\d-\d\d)\b")]
    private static partial Regex DatesPattern();

    [GeneratedRegex(@"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b")]
    private static partial Regex Months();

    [GeneratedRegex(@"^(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b")]
    private static partial Regex MonthAtStart();

    /// <summary>A day of the week is a date, not a name ("at the White House on Friday").</summary>
    [GeneratedRegex(@"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\W*$")]
    private static partial Regex Weekday();

    [GeneratedRegex(@"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)$")]
    private static partial Regex MonthAtEnd();

    /// <summary>A run of capitalised words or acronyms ("Arthur Mensch", "Andreessen Horowitz", "NIST", "TSMC"), or of
    /// names written with a lower-case first letter before a capital ("xAI", "iPhone").</summary>
    [GeneratedRegex(@"\b\p{Ll}?\p{Lu}[\p{L}\p{N}'’&.-]*(?:\s+(?:of\s+|de\s+|the\s+)?\p{Ll}?\p{Lu}[\p{L}\p{N}'’&.-]*)*")]
    private static partial Regex NamesPattern();

    [GeneratedRegex(@"[.!?:;""”]$")]
    private static partial Regex SentenceEnd();

    [GeneratedRegex(@"\b(?:in|at|from|on|via|through|to|into|across|near|outside|inside)\s+(?:the\s+)?(?<name>\p{Lu}[\p{L}\p{N}'’&.-]*(?:\s+\p{Lu}[\p{L}\p{N}'’&.-]*)*)")]
    private static partial Regex PlacesPattern();

    /// <summary>A sentence that says what something is: "Claude Code is an agentic coding tool", "Gemma is Google's
    /// open-weight sibling of its Gemini models", "MaaS refers to ...".</summary>
    [GeneratedRegex(@"\b(?:is|are)\s+(?:(?i:a|an|the|one of the)\s|\p{Lu}[\p{L}\p{N}-]*['’]s\s)|\b(?i:refers to|stands for|is short for|is described as|is a kind of)\b")]
    private static partial Regex Definitions();

    [GeneratedRegex(@"\b(?:because|due to|owing to|citing|cited|concerns?|grounds|reasons?|so that|in order to|as a result|after|over|amid|since|following|led to|prompted|meant)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Causes();
}
