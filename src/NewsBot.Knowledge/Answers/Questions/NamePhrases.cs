using System.Text.RegularExpressions;
using NewsBot.Knowledge.Answers.Decision;
using NewsBot.Knowledge.Passages;

namespace NewsBot.Knowledge.Answers.Questions;

/// <summary>
/// The names of several words a question writes capitalised ("Claude Code", "Project Mariner", "Microsoft Research"):
/// each word alone may be common ("code", "project"), so an article holding the words apart ("Claude 3.5 Sonnet scored
/// 92% on a coding benchmark") does not name what was asked. Only words with a capital and then small letters count:
/// acronyms ("EU AI Act", "GPT-4 API") are written in too many ways ("EU Artificial Intelligence Act") to require, and
/// versions have a rule of their own. The question's first word is capitalised anyway and counts only when it is
/// written with an inner capital ("OpenAI", "DeepSeek").
/// </summary>
internal static partial class NamePhrases
{
    public static IReadOnlyList<string> Of(string question)
    {
        var phrases = new List<string>();
        var run = new List<string>();
        var first = true;
        var previousEnd = -1;
        foreach (Match word in Word().Matches(question))
        {
            // A run is broken by anything but spaces between its words, and by a word that is not a capitalised one.
            var adjacent = previousEnd >= 0 && question.AsSpan(previousEnd, word.Index - previousEnd).IsWhiteSpace() && word.Index > previousEnd;
            var named = CapitalisedWord().IsMatch(word.Value) && !(first && !CapitalisedWords.HasInnerCapital(word.Value));
            if (!named || !adjacent)
            {
                Close();
            }

            if (named)
            {
                run.Add(word.Value);
            }

            first = false;
            previousEnd = word.Index + word.Length;
        }

        Close();
        return phrases;

        void Close()
        {
            if (run.Count >= 2)
            {
                phrases.Add(string.Join(' ', run));
            }

            run.Clear();
        }
    }

    /// <summary>What finds the phrase in a text: its words in any case, with any spacing or hyphens between them.</summary>
    public static Regex Pattern(string phrase) =>
        new(@"\b" + string.Join(@"[\s-]+", phrase.Split(' ').Select(Regex.Escape)) + @"\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    /// <summary>Whether the article's title, tags or any of its weighed passages (or their headings) write the phrase.</summary>
    public static bool HeldBy(ArticleCandidate article, Regex phrase) =>
        phrase.IsMatch(article.Info.Title)
        || article.Info.Tags.Any(phrase.IsMatch)
        || article.Passages.Any(p => phrase.IsMatch(p.Text) || (p.Heading is { } heading && phrase.IsMatch(heading)));

    /// <summary>A capital, then small letters ("Claude", "Mariner", "OpenAI"), not an acronym or a version.</summary>
    [GeneratedRegex(@"^\p{Lu}\p{Ll}[\p{L}'’]*$")]
    private static partial Regex CapitalisedWord();

    [GeneratedRegex(@"[\p{L}\p{N}]+(?:[.-][\p{L}\p{N}]+)*")]
    private static partial Regex Word();
}
