using System.Text;
using System.Text.RegularExpressions;

namespace NewsBot.Knowledge.Passages;

/// <summary>
/// The words of a text written with a capital inside a sentence ("on Tuesday Meta released Llama 2" gives
/// "Tuesday Meta Llama 2"): names, in the text's own spelling. A sentence's first word is left out, since it is
/// capitalised whatever it is, unless it is written all in capitals, holds a digit ("GPT-4", "NVIDIA") or a capital
/// inside the word ("xAI").
/// </summary>
internal static partial class CapitalisedWords
{
    /// <summary>A capital inside a word that also has small letters ("xAI", "iPhone", "DeepSeek"): a name's spelling,
    /// wherever the word stands in its sentence.</summary>
    public static bool HasInnerCapital(string word) => word.Skip(1).Any(char.IsUpper) && word.Any(char.IsLower);

    public static string Of(string text)
    {
        var names = new StringBuilder();
        foreach (var (start, length) in SentenceSplitter.Spans(text))
        {
            var first = true;
            var previousNamed = false;
            foreach (Match word in Word().Matches(text.Substring(start, length)))
            {
                var value = word.Value;
                // A capital inside a word ("xAI", "iPhone", "DeepSeek") marks a name even at the start of a sentence.
                var named = (char.IsUpper(value[0]) && (!first || value.Any(char.IsDigit) || (value.Length > 1 && value.All(c => !char.IsLower(c)))))
                    || HasInnerCapital(value);
                // A version right after a name belongs to it ("Llama 2", "Claude 3.5").
                var version = previousNamed && char.IsDigit(value[0]);
                if (named || version)
                {
                    names.Append(value).Append(' ');
                }

                previousNamed = named || version;
                first = false;
            }

            names.Append(". ");
        }

        return names.ToString();
    }

    [GeneratedRegex(@"[\p{L}\p{N}][\p{L}\p{N}'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]")]
    private static partial Regex Word();
}
