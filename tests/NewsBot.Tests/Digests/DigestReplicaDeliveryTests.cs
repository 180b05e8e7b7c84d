using Microsoft.Bot.Schema;
using NewsBot.Digests;

namespace NewsBot.Tests.Digests;

/// <summary>
/// Delivery passes of several replicas on one database (SQLite here, PostgreSQL in the suite's PostgreSQL run; the
/// claims themselves are in <see cref="DigestSubscriptionsContract"/>): one digest per conversation per window, a dead
/// replica's claims expire, and the one duplicate that is left is counted.
/// </summary>
public sealed class DigestReplicaDeliveryTests
{
    private static readonly DateTimeOffset Monday = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset NineInBerlin = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task ReplicasDeliveringAtOnce_SendEachConversationOneDigest()
    {
        using var bed = new DigestTestBed(Monday, new DigestOptions { MessagesPerSecond = 0, ClaimBatch = 3 });
        for (var i = 0; i < 30; i++)
        {
            await bed.SubscribeAsync($"c{i:D2}");
        }

        bed.Time.SetUtcNow(NineInBerlin);
        var replicas = new[] { bed.Delivery, bed.AnotherReplica(), bed.AnotherReplica() };
        var passes = await Task.WhenAll(replicas.Select(replica => Task.Run(() => replica.DeliverDueAsync(CancellationToken.None))));

        Assert.Equal(30, passes.Sum(pass => pass.Sent));
        Assert.Equal(0, passes.Sum(pass => pass.Duplicates));
        Assert.Equal(30, bed.Sender.Sent.Select(sent => sent.Conversation).Distinct().Count());
        Assert.Equal(30, bed.Sender.Sent.Count);
    }

    [Fact]
    public async Task AReplicaThatDiedHoldingClaims_LeavesItsConversationsToTheOthers_OnceTheClaimsExpire()
    {
        var options = new DigestOptions { MessagesPerSecond = 0, ClaimLease = TimeSpan.FromMinutes(2) };
        using var bed = new DigestTestBed(Monday, options);
        await bed.SubscribeAsync("a");
        await bed.SubscribeAsync("b");

        // The dead replica claimed both at nine and never got to send.
        Assert.Equal(2, (await bed.Store.ClaimDueAsync(NineInBerlin, "dead-replica", NineInBerlin + options.ClaimLease, 10, CancellationToken.None)).Count);

        Assert.Equal(0, (await bed.RunAtAsync(NineInBerlin.AddMinutes(1))).Due);
        var afterExpiry = await bed.RunAtAsync(NineInBerlin + options.ClaimLease);

        Assert.Equal(2, afterExpiry.Sent);
        Assert.Single(bed.Sender.SentTo("a"));
        Assert.Single(bed.Sender.SentTo("b"));
    }

    [Fact]
    public async Task ASendThatOutlivesItsClaim_IsCountedAsADuplicate_AndTheWindowMovesOnce()
    {
        var options = new DigestOptions { MessagesPerSecond = 0, ClaimLease = TimeSpan.FromMinutes(2) };
        using var bed = new DigestTestBed(Monday, options);
        await bed.SubscribeAsync("a");
        var slow = new HeldSender();
        var stalled = bed.AnotherReplica(slow);

        bed.Time.SetUtcNow(NineInBerlin);
        var stalledPass = Task.Run(() => stalled.DeliverDueAsync(CancellationToken.None));
        await slow.Started.WaitAsync(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken);

        // Its send hangs past the lease: another replica claims the conversation, sends and records the window.
        var other = await bed.RunAtAsync(NineInBerlin + options.ClaimLease);
        slow.Release();
        var late = await stalledPass;

        Assert.Equal((1, 0), (other.Sent, other.Duplicates));
        Assert.Equal((1, 1), (late.Sent, late.Duplicates));
        var subscription = (await bed.FindAsync("a"))!;
        Assert.Equal(NineInBerlin + options.ClaimLease, subscription.WindowStart);
    }

    /// <summary>A sender whose first send waits until released.</summary>
    private sealed class HeldSender : IDigestSender
    {
        private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task Started => _started.Task;

        public void Release() => _release.TrySetResult();

        public async Task SendAsync(ConversationReference reference, IMessageActivity message, CancellationToken cancellationToken)
        {
            _started.TrySetResult();
            await _release.Task.WaitAsync(cancellationToken);
        }
    }
}
