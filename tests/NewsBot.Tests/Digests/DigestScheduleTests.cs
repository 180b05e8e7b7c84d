using NewsBot.Digests;

namespace NewsBot.Tests.Digests;

public sealed class DigestScheduleTests
{
    [Theory]
    // Berlin: winter UTC+1, summer UTC+2 (29 Mar 2026 02:00 → 03:00, 25 Oct 2026 03:00 → 02:00).
    [InlineData("09:00", "Europe/Berlin", false, "2026-03-28T08:00:00Z", "2026-03-29T07:00:00Z")]
    [InlineData("09:00", "Europe/Berlin", false, "2026-10-24T07:00:00Z", "2026-10-25T08:00:00Z")]
    // 02:30 does not exist on the spring-forward day: it fires at the first instant after the gap (03:00 CEST).
    [InlineData("02:30", "Europe/Berlin", false, "2026-03-28T12:00:00Z", "2026-03-29T01:00:00Z")]
    // 02:30 happens twice on the fall-back day: it fires once, at the first.
    [InlineData("02:30", "Europe/Berlin", false, "2026-10-24T12:00:00Z", "2026-10-25T00:30:00Z")]
    [InlineData("02:30", "Europe/Berlin", false, "2026-10-25T00:30:00Z", "2026-10-26T01:30:00Z")]
    // New York: 8 Mar 2026 spring forward.
    [InlineData("09:00", "America/New_York", false, "2026-03-07T14:00:00Z", "2026-03-08T13:00:00Z")]
    // Weekdays: Friday's delivery is followed by Monday's.
    [InlineData("09:00", "Europe/Berlin", true, "2026-01-09T08:00:00Z", "2026-01-12T08:00:00Z")]
    // Midnight, and strictly after.
    [InlineData("00:00", "UTC", false, "2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z")]
    public void Next_IsTheNextLocalTime(string at, string zone, bool weekdaysOnly, string after, string expected)
    {
        Assert.True(DigestSchedule.TryParseTime(at, out var time));
        Assert.True(DigestSchedule.TryFindZone(zone, out var timeZone));

        var next = DigestSchedule.Next(time, timeZone, weekdaysOnly, DateTimeOffset.Parse(after, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), next);
    }

    [Theory]
    [InlineData("9:00", true)]
    [InlineData("09:30", true)]
    [InlineData("23:59", true)]
    [InlineData("24:00", false)]
    [InlineData("9", false)]
    [InlineData("9:5", false)]
    [InlineData("9am", false)]
    public void TryParseTime_AcceptsTheTwentyFourHourClock(string text, bool valid) =>
        Assert.Equal(valid, DigestSchedule.TryParseTime(text, out _));

    [Theory]
    [InlineData("Europe/Berlin", true)]
    [InlineData("UTC", true)]
    [InlineData("Mars/Olympus", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void TryFindZone_KnowsIanaNames(string? id, bool known) =>
        Assert.Equal(known, DigestSchedule.TryFindZone(id, out _));
}
