using System.Globalization;

namespace NewsBot.Storage;

/// <summary>
/// Times are stored as fixed-width ISO 8601 UTC text ("2026-11-26T09:00:00.0000000Z"), so that comparing
/// and sorting the text in SQL compares the instants.
/// </summary>
internal static class SqliteTime
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string ToText(DateTimeOffset time) => time.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    public static DateTimeOffset FromText(string text) =>
        DateTimeOffset.ParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
