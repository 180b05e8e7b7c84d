using Microsoft.Extensions.Logging.Abstractions;
using NewsBot.Collection;
using NewsBot.Digests;

namespace NewsBot.Tests.Digests;

public sealed class DigestDeliveryServiceTests
{
    private static readonly DateTimeOffset Monday = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Service_ClaimsNothing_UntilTheIndexIsBuilt()
    {
        using var bed = new DigestTestBed(Monday, new DigestOptions { MessagesPerSecond = 0, PollInterval = TimeSpan.FromSeconds(1) });
        await bed.SubscribeAsync("team");
        bed.Time.SetUtcNow(Monday.AddHours(8));
        var collection = new CollectionState();
        using var service = new DigestDeliveryService(bed.Delivery, bed.Store, collection, Microsoft.Extensions.Options.Options.Create(bed.Options), bed.Time, NullLogger<DigestDeliveryService>.Instance);

        await service.StartAsync(CancellationToken.None);
        await Task.Delay(200, TestContext.Current.CancellationToken);
        bed.Time.Advance(TimeSpan.FromMinutes(1));
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.Empty(bed.Sender.Attempts);

        collection.MarkReady();
        for (var wait = 0; wait < 100 && bed.Sender.Sent.IsEmpty; wait++)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        await service.StopAsync(CancellationToken.None);
        Assert.Single(bed.Sender.SentTo("team"));
    }
}
