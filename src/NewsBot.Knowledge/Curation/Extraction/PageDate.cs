using System.Globalization;

namespace NewsBot.Knowledge.Curation.Extraction;

/// <summary>A date a page states, and whether it stated a time of day too (then it is kept, in UTC).</summary>
internal readonly record struct PageDate(DateTimeOffset Value, bool HasTime)
{
    /// <summary>Parses ISO 8601 ("2024-01-06", "2024-01-06T14:30:00+01:00") and the RFC 1123 dates some feeds and pages use.</summary>
    public static PageDate? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        text = text.Trim();
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return null;
        }

        var hasTime = text.Length > 10 && text.Contains(':', StringComparison.Ordinal);
        return new PageDate(value, hasTime);
    }

    public static PageDate From(DateTimeOffset value) => new(value.ToUniversalTime(), value.TimeOfDay != TimeSpan.Zero);

    /// <summary>As front matter takes it: <c>2024-01-06</c>, or <c>2024-01-06T14:30:00Z</c> when the time is known.</summary>
    public string Format() => HasTime
        ? Value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
        : Value.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
