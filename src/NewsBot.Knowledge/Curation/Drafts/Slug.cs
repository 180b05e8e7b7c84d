using System.Globalization;
using System.Text;

namespace NewsBot.Knowledge.Curation.Drafts;

/// <summary>File names from headlines: "OpenAI's GPT-4o: faster, cheaper" is <c>openais-gpt-4o-faster-cheaper</c>.</summary>
internal static class Slug
{
    public const int MaxLength = 60;

    public static string From(string? text, string fallback = "article")
    {
        var slug = new StringBuilder();
        foreach (var c in (text ?? string.Empty).Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark || c is '\'' or '’')
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        var result = slug.ToString().Trim('-');
        if (result.Length > MaxLength)
        {
            // Cut at a word boundary when there is one in the second half.
            var cut = result.LastIndexOf('-', MaxLength);
            result = result[..(cut > MaxLength / 2 ? cut : MaxLength)].Trim('-');
        }

        return result.Length == 0 ? fallback : result;
    }
}
