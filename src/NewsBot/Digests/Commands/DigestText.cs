using System.Globalization;

namespace NewsBot.Digests.Commands;

/// <summary>Times as the subscriber reads them: in their own zone, "Fri 27 Nov 2026 09:00".</summary>
internal static class DigestText
{
    public const string Example = "`digest on 09:00 Europe/Berlin`";

    public static string Local(DateTimeOffset time, string zoneId) =>
        DigestSchedule.TryFindZone(zoneId, out var zone)
            ? TimeZoneInfo.ConvertTime(time, zone).ToString("ddd d MMM yyyy HH:mm", CultureInfo.InvariantCulture)
            : time.UtcDateTime.ToString("ddd d MMM yyyy HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public static string Schedule(DigestSubscription subscription) =>
        $"{(subscription.WeekdaysOnly ? "every weekday" : "every day")} at {DigestSchedule.Format(subscription.LocalTime)} ({subscription.TimeZoneId})";
}
