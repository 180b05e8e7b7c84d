using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsBot.Knowledge.Answers.Questions;

/// <summary>
/// The year and month a question names ("in september 2023", "back in 2019", "oct 2024"), if any. News questions
/// often pin the event they mean by its date: an article published then, or a passage naming that date, is the
/// likelier answer.
/// </summary>
internal sealed partial record AskedDate(int? Year, int? Month)
{
    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames;

    public bool Any => Year is not null || Month is not null;

    public static AskedDate Of(string question)
    {
        var year = Years().Match(question);

        // "may" is a month only beside a number or after "in" ("in may", "may 2023", "30 may"), else a verb.
        var month = Months().Matches(question).FirstOrDefault(m =>
            !m.Value.Equals("may", StringComparison.OrdinalIgnoreCase) || MayAsMonth().IsMatch(question[Math.Max(0, m.Index - 4)..Math.Min(question.Length, m.Index + m.Length + 3)]));
        return new AskedDate(
            year.Success ? int.Parse(year.Value, CultureInfo.InvariantCulture) : null,
            month is not null ? MonthNumber(month.Value) : null);
    }

    /// <returns>1 when the date's year and month (those asked) match, -1 when one differs, 0 when no date is asked.</returns>
    public int Matches(DateTimeOffset published) =>
        !Any ? 0 : (Year is null || Year == published.Year) && (Month is null || Month == published.Month) ? 1 : -1;

    /// <returns>1 when the text names the asked year and month, -1 when it lacks one, 0 when no date is asked.</returns>
    public int InText(string text)
    {
        if (!Any)
        {
            return 0;
        }

        var hasYear = Year is not { } y || text.Contains(y.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
        var hasMonth = Month is not { } m || MonthsInProse().Matches(text).Any(found => MonthNumber(found.Value) == m);
        return hasYear && hasMonth ? 1 : -1;
    }

    private static int MonthNumber(string name)
    {
        var prefix = name[..3];
        return Array.FindIndex(MonthNames, m => m.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)) + 1;
    }

    [GeneratedRegex(@"\b(?:19|20)\d\d\b")]
    private static partial Regex Years();

    [GeneratedRegex(@"\b(?:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Months();

    /// <summary>Months as prose writes them: capitalised, so "may" the verb is not one.</summary>
    [GeneratedRegex(@"\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\b")]
    private static partial Regex MonthsInProse();

    [GeneratedRegex(@"(?i)(\bin may\b|\bmay \d|\d may\b)")]
    private static partial Regex MayAsMonth();
}
