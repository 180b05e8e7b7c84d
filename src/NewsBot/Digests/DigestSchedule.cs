using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Cronos;

namespace NewsBot.Digests;

/// <summary>
/// Daily delivery times as Cronos expressions ("30 9 * * *", or "* * 1-5" for weekdays), evaluated in the
/// subscriber's time zone: a 09:00 digest stays at 09:00 local time across daylight-saving changes; on the
/// spring-forward day a time that does not exist fires at the first instant after the gap, on the fall-back
/// day an ambiguous time fires once.
/// </summary>
internal static class DigestSchedule
{
    public static readonly TimeOnly DefaultTime = new(9, 0);

    /// <summary>The first delivery time strictly after <paramref name="after"/>.</summary>
    public static DateTimeOffset Next(TimeOnly at, TimeZoneInfo zone, bool weekdaysOnly, DateTimeOffset after) =>
        Expression(at, weekdaysOnly).GetNextOccurrence(after, zone)
        ?? throw new InvalidOperationException($"No delivery time after {after:O} for {at:HH:mm} {zone.Id}.");

    /// <summary>True when a delivery time falls in [<paramref name="from"/>, <paramref name="to"/>].</summary>
    public static bool AnyBetween(TimeOnly at, TimeZoneInfo zone, bool weekdaysOnly, DateTimeOffset from, DateTimeOffset to) =>
        Expression(at, weekdaysOnly).GetOccurrences(from, to, zone, fromInclusive: true, toInclusive: true).Any();

    /// <summary>Parses "9:00" or "09:00" (24-hour clock).</summary>
    public static bool TryParseTime(string text, out TimeOnly time) =>
        TimeOnly.TryParseExact(text, ["H:mm", "HH:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out time);

    /// <summary>Finds a time zone by IANA name ("Europe/Berlin", "UTC"); Windows names work too where the system maps them.</summary>
    public static bool TryFindZone(string? id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        return !string.IsNullOrWhiteSpace(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out zone);
    }

    public static string Format(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static CronExpression Expression(TimeOnly at, bool weekdaysOnly) =>
        CronExpression.Parse(string.Create(CultureInfo.InvariantCulture, $"{at.Minute} {at.Hour} * * {(weekdaysOnly ? "1-5" : "*")}"));
}
