using NewsBot.Configuration;
using NewsBot.Storage;

namespace NewsBot.Tests.Storage;

/// <summary>What the feedback store must do on every provider: <see cref="SqliteFeedbackStoreTests"/>, <see cref="PostgresFeedbackStoreTests"/>.</summary>
public abstract class FeedbackStoreContract(StorageProvider provider) : StoreContract(provider)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Recent_ReturnsWhatWasRecorded()
    {
        var store = Store.Feedback();
        var liked = new FeedbackRecord(Now, "msteams", "groupChat", "Is Phi-2 licensed for commercial use?", "2024/phi-2-mit", "like", "spot on");
        var disliked = new FeedbackRecord(Now.AddMinutes(1), "webchat", "personal", "what is sora", null, "dislike", null);

        await store.RecordAsync(liked, CancellationToken.None);
        await store.RecordAsync(disliked, CancellationToken.None);

        Assert.Equal([disliked, liked], await Store.Feedback().RecentAsync(10, CancellationToken.None));
    }

    [Fact]
    public async Task Recent_ReturnsNewestFirst_UpToLimit()
    {
        var store = Store.Feedback();
        foreach (var minutes in new[] { 5, 1, 9, 3 })
        {
            await store.RecordAsync(new FeedbackRecord(Now.AddMinutes(minutes), "msteams", "personal", $"q{minutes}", null, "like", null), CancellationToken.None);
        }

        var recent = await store.RecentAsync(2, CancellationToken.None);

        Assert.Equal(["q9", "q5"], recent.Select(record => record.Question));
    }

    [Fact]
    public async Task Recent_ReturnsNothing_WhenNothingRecorded()
    {
        Assert.Empty(await Store.Feedback().RecentAsync(10, CancellationToken.None));
    }
}
