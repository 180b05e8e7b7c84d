using System.Globalization;

namespace NewsBot.Cli;

/// <summary>How dates and numbers look in JSON and text output (dates people read come from <c>Bot.Replies.Dates</c>).</summary>
internal static class Display
{
    /// <summary>"2024-01-06" for a date, ISO 8601 with offset for a date-time.</summary>
    public static string IsoDate(DateTimeOffset date) =>
        date.TimeOfDay == TimeSpan.Zero
            ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
            : date.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string Number(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);
}
