using System.Text.RegularExpressions;

namespace NewsBot.Knowledge.Answers.Evidence;

/// <summary>
/// Whether a passage tells of something that changed after the article's main event: the words English uses to mark
/// a later development ("later", "again", "no longer", "was lifted", "expanded to"). A question about now ("is
/// chatgpt still blocked in italy") is answered by the passage that says what happened next ("ChatGPT became
/// available in Italy again"), not by the one that tells the event itself, and such passages rarely carry a date of
/// their own to tell them by.
/// </summary>
internal static partial class LaterDevelopment
{
    public static bool In(string text) => Cue().IsMatch(text);

    [GeneratedRegex(@"\b(later|again|subsequently|afterwards|eventually|since then|no longer|any ?more|(?:was|were|been) (?:lifted|reversed|restored|reinstated|replaced|renamed|extended|expanded|updated|upgraded|withdrawn)|returned|resumed|restored|reinstated|went on to|expanded (?:it |its |the )?\w* ?to|raised (?:it |its |the )?\w* ?to|extended (?:it |its |the )?\w* ?to)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Cue();
}
