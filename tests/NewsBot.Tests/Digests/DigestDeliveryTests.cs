using System.Net;
using NewsBot.Digests;

namespace NewsBot.Tests.Digests;

/// <summary>Delivery passes over a real SQLite file and a real index on a fake clock. Berlin is UTC+1 in winter, New York UTC-5.</summary>
public sealed class DigestDeliveryTests
{
    private static readonly DigestOptions EveryDay = new() { MessagesPerSecond = 0, NothingNewText = "Nothing new today." };

    private static DateTimeOffset Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, TimeSpan.Zero);

    [Fact]
    public async Task Deliver_SendsAtNineLocal_AcrossTheSpringDstChange()
    {
        using var bed = new DigestTestBed(Utc(3, 27, 12), EveryDay);
        await bed.SubscribeAsync("berlin");

        Assert.Equal(0, (await bed.RunAtAsync(Utc(3, 28, 7, 59))).Sent);
        Assert.Equal(1, (await bed.RunAtAsync(Utc(3, 28, 8))).Sent);

        // Sunday 29 March: clocks go forward at 02:00, 09:00 is now 07:00 UTC.
        Assert.Equal(0, (await bed.RunAtAsync(Utc(3, 29, 6, 59))).Sent);
        Assert.Equal(1, (await bed.RunAtAsync(Utc(3, 29, 7))).Sent);
        Assert.Equal(1, (await bed.RunAtAsync(Utc(3, 30, 7))).Sent);
        Assert.Equal(3, bed.Sender.SentTo("berlin").Count);
        Assert.Equal(Utc(3, 31, 7), (await bed.FindAsync("berlin"))!.NextDelivery);
    }

    [Fact]
    public async Task Deliver_SendsEachZoneAtItsOwnNine()
    {
        using var bed = new DigestTestBed(Utc(1, 5, 0), EveryDay);
        await bed.SubscribeAsync("berlin", zone: "Europe/Berlin");
        await bed.SubscribeAsync("new-york", zone: "America/New_York");

        var morningInBerlin = await bed.RunAtAsync(Utc(1, 5, 8));
        Assert.Equal(1, morningInBerlin.Sent);
        Assert.Single(bed.Sender.SentTo("berlin"));
        Assert.Empty(bed.Sender.SentTo("new-york"));

        var morningInNewYork = await bed.RunAtAsync(Utc(1, 5, 14));
        Assert.Equal(1, morningInNewYork.Sent);
        Assert.Single(bed.Sender.SentTo("new-york"));
        Assert.Single(bed.Sender.SentTo("berlin"));
    }

    [Fact]
    public async Task Restart_SendsNothingTwice()
    {
        using var bed = new DigestTestBed(Utc(1, 5, 0), EveryDay);
        await bed.SubscribeAsync("team");
        Assert.Equal(1, (await bed.RunAtAsync(Utc(1, 5, 8))).Sent);

        bed.Restart();

        Assert.Equal(0, (await bed.RunAtAsync(Utc(1, 5, 8))).Due);
        Assert.Equal(0, (await bed.RunAtAsync(Utc(1, 5, 12))).Due);
        Assert.Equal(1, (await bed.RunAtAsync(Utc(1, 6, 8))).Sent);
        Assert.Equal(2, bed.Sender.SentTo("team").Count);
    }

    [Fact]
    public async Task CatchUp_AfterDowntime_SendsOneDigestCoveringTheGap()
    {
        using var bed = new DigestTestBed(Utc(1, 5, 10));
        await bed.SubscribeAsync("team");
        bed.Time.SetUtcNow(Utc(1, 6, 12));
        bed.AddArticle("while-down", "Mistral ships a model while the bot is down");

        // Down from Monday to Wednesday afternoon: the 09:00 digests of Tuesday and Wednesday were missed.
        bed.Restart();
        var pass = await bed.RunAtAsync(Utc(1, 7, 15));

        Assert.Equal(1, pass.Sent);
        var digest = Assert.Single(bed.Sender.SentTo("team"));
        Assert.Contains("https://example.org/while-down", digest);
        Assert.Contains(TestKnowledge.PhiMitUrl, digest);
        Assert.Equal(0, (await bed.RunAtAsync(Utc(1, 7, 15, 5))).Due);
        var subscription = (await bed.FindAsync("team"))!;
        Assert.Equal(Utc(1, 8, 8), subscription.NextDelivery);
        Assert.Equal(Utc(1, 7, 15), subscription.WindowStart);
    }

    [Fact]
    public async Task CatchUp_IsLeftToTheNextRegularDigest_WhenMissedByMoreThanADay()
    {
        using var bed = new DigestTestBed(Utc(1, 8, 10));
        await bed.SubscribeAsync("team", weekdaysOnly: true);

        // Friday's 09:00 was missed and it is Saturday afternoon: more than 24 h late, and no weekday since.
        var late = await bed.RunAtAsync(Utc(1, 10, 12));
        Assert.Equal(1, late.Skipped);
        Assert.Empty(bed.Sender.Sent);

        var monday = await bed.RunAtAsync(Utc(1, 12, 8));
        Assert.Equal(1, monday.Sent);
        Assert.Contains(TestKnowledge.PhiMitUrl, Assert.Single(bed.Sender.SentTo("team")));
    }

    [Fact]
    public async Task Deliver_SkipsSaturdayAndSunday_WhenWeekdaysOnly()
    {
        using var bed = new DigestTestBed(Utc(1, 9, 0), EveryDay);
        await bed.SubscribeAsync("team", weekdaysOnly: true);

        Assert.Equal(1, (await bed.RunAtAsync(Utc(1, 9, 8))).Sent);
        Assert.Equal(0, (await bed.RunAtAsync(Utc(1, 10, 8))).Due);
        Assert.Equal(0, (await bed.RunAtAsync(Utc(1, 11, 8))).Due);
        Assert.Equal(1, (await bed.RunAtAsync(Utc(1, 12, 8))).Sent);
        Assert.Equal(2, bed.Sender.SentTo("team").Count);
    }

    [Fact]
    public async Task TooManyRequests_IsRetriedAfterRetryAfter_ThenTheWindowMovesOnce()
    {
        using var bed = new DigestTestBed(Utc(1, 5, 0));
        var created = await bed.SubscribeAsync("team");
        bed.Sender.FailNext("team", RecordingSender.Status(HttpStatusCode.TooManyRequests, TimeSpan.FromMinutes(2)));

        var first = await bed.RunAtAsync(Utc(1, 5, 8));
        Assert.Equal(1, first.Retrying);
        var retrying = (await bed.FindAsync("team"))!;
        Assert.Equal(created.WindowStart, retrying.WindowStart);
        Assert.Equal(Utc(1, 5, 8, 2), retrying.NextDelivery);
        Assert.Equal(1, retrying.Attempts);

        Assert.Equal(0, (await bed.RunAtAsync(Utc(1, 5, 8, 1))).Due);
        Assert.Equal(1, (await bed.RunAtAsync(Utc(1, 5, 8, 2))).Sent);

        var delivered = (await bed.FindAsync("team"))!;
        Assert.Equal(Utc(1, 5, 8, 2), delivered.WindowStart);
        Assert.Equal(Utc(1, 5, 8, 2), delivered.LastDelivery);
        Assert.Equal(0, delivered.Attempts);
        Assert.Equal(Utc(1, 6, 8), delivered.NextDelivery);
        Assert.Single(bed.Sender.Sent);
        Assert.Equal(2, bed.Sender.Attempts.Count);
    }

    [Fact]
    public async Task ServerError_BacksOff_WithoutDelayingOtherConversations()
    {
        using var bed = new DigestTestBed(Utc(1, 5, 0));
        await bed.SubscribeAsync("a");
        await bed.SubscribeAsync("b");
        await bed.SubscribeAsync("c");
        bed.Sender.FailNext("b", RecordingSender.Status(HttpStatusCode.BadGateway));

        var pass = await bed.RunAtAsync(Utc(1, 5, 8));

        Assert.Equal(2, pass.Sent);
        Assert.Equal(1, pass.Retrying);
        Assert.Equal(Utc(1, 5, 8) + bed.Options.RetryDelay, (await bed.FindAsync("b"))!.NextDelivery);
        Assert.Equal(1, (await bed.RunAtAsync(Utc(1, 5, 8) + bed.Options.RetryDelay)).Sent);
        Assert.Equal(3, bed.Sender.Sent.Count);
    }

    [Fact]
    public async Task Retries_GiveUpAfterMaxAttempts_AndLeaveTheWindowToTheNextDigest()
    {
        using var bed = new DigestTestBed(Utc(1, 5, 0), new DigestOptions { MessagesPerSecond = 0, MaxAttempts = 2, RetryDelay = TimeSpan.FromMinutes(1) });
        var created = await bed.SubscribeAsync("team");
        bed.Sender.FailNext("team", RecordingSender.Status(HttpStatusCode.ServiceUnavailable));
        bed.Sender.FailNext("team", RecordingSender.Status(HttpStatusCode.ServiceUnavailable));

        Assert.Equal(1, (await bed.RunAtAsync(Utc(1, 5, 8))).Retrying);
        Assert.Equal(1, (await bed.RunAtAsync(Utc(1, 5, 8, 1))).Failed);

        var given = (await bed.FindAsync("team"))!;
        Assert.Equal(created.WindowStart, given.WindowStart);
        Assert.Equal(Utc(1, 6, 8), given.NextDelivery);
        Assert.Equal(0, given.Attempts);
        Assert.Equal(1, (await bed.RunAtAsync(Utc(1, 6, 8))).Sent);
        Assert.Contains(TestKnowledge.PhiMitUrl, Assert.Single(bed.Sender.SentTo("team")));
    }

    [Fact]
    public async Task UnknownStoredZone_PausesWithTheReason()
    {
        using var bed = new DigestTestBed(Utc(1, 5, 0));
        var subscription = await bed.SubscribeAsync("team");
        await bed.Store.SaveAsync(subscription with { TimeZoneId = "Atlantis/Capital" }, CancellationToken.None);

        Assert.Equal(1, (await bed.RunAtAsync(Utc(1, 5, 8))).Paused);
        Assert.Contains("Atlantis/Capital", (await bed.FindAsync("team"))!.PausedReason);
    }

    [Theory]
    [InlineData(HttpStatusCode.Forbidden, "403")]
    [InlineData(HttpStatusCode.NotFound, "404")]
    public async Task Gone_PausesTheSubscriptionWithTheReason(HttpStatusCode status, string reason)
    {
        using var bed = new DigestTestBed(Utc(1, 5, 0));
        await bed.SubscribeAsync("team");
        bed.Sender.FailNext("team", RecordingSender.Status(status));

        Assert.Equal(1, (await bed.RunAtAsync(Utc(1, 5, 8))).Paused);

        var paused = (await bed.FindAsync("team"))!;
        Assert.Equal(DigestState.Paused, paused.State);
        Assert.Contains(reason, paused.PausedReason);
        Assert.Equal(0, (await bed.RunAtAsync(Utc(1, 6, 8))).Due);
        Assert.Empty(bed.Sender.Sent);
    }

    [Fact]
    public async Task Window_HoldsExactlyTheArticlesFirstSeenInIt()
    {
        using var bed = new DigestTestBed(Utc(1, 4, 8));
        bed.Time.SetUtcNow(Utc(1, 5, 9));
        await bed.SubscribeAsync("team");
        bed.Time.SetUtcNow(Utc(1, 5, 9, 30));
        bed.AddArticle("inside", "Inside the first window");
        bed.Time.SetUtcNow(Utc(1, 6, 8));
        bed.AddArticle("boundary", "Seen exactly when the first window ends");

        await bed.RunAtAsync(Utc(1, 6, 8));
        bed.Time.SetUtcNow(Utc(1, 6, 12));
        bed.AddArticle("later", "Seen during the second window");
        await bed.RunAtAsync(Utc(1, 7, 8));

        var digests = bed.Sender.SentTo("team");
        Assert.Equal(2, digests.Count);
        Assert.Contains("https://example.org/inside", digests[0]);
        Assert.DoesNotContain("https://example.org/boundary", digests[0]);
        Assert.DoesNotContain(TestKnowledge.PhiMitUrl, digests[0]);
        Assert.Contains("https://example.org/boundary", digests[1]);
        Assert.Contains("https://example.org/later", digests[1]);
        Assert.DoesNotContain("https://example.org/inside", digests[1]);
    }

    [Fact]
    public async Task EmptyWindow_PostsNothing_ButMovesOn()
    {
        using var bed = new DigestTestBed(Utc(1, 4, 0));
        bed.Time.SetUtcNow(Utc(1, 5, 7));
        await bed.SubscribeAsync("team");

        var pass = await bed.RunAtAsync(Utc(1, 6, 8));

        Assert.Equal(1, pass.Empty);
        Assert.Empty(bed.Sender.Sent);
        Assert.Equal(Utc(1, 7, 8), (await bed.FindAsync("team"))!.NextDelivery);
    }

    [Fact]
    public async Task EmptyWindow_PostsTheNothingNewLine_WhenConfigured()
    {
        using var bed = new DigestTestBed(Utc(1, 4, 0), EveryDay);
        bed.Time.SetUtcNow(Utc(1, 5, 7));
        await bed.SubscribeAsync("team");

        await bed.RunAtAsync(Utc(1, 6, 8));

        Assert.Equal("Nothing new today.", Assert.Single(bed.Sender.SentTo("team")));
    }
}
