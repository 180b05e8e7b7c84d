using System.Collections.Concurrent;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Digests;
using NewsBot.Hosting;
using NewsBot.Knowledge;
using NewsBot.Storage;
using NewsBot.Tests.Storage;
using NewsBot.Tests.Telemetry;

namespace NewsBot.Tests.Digests;

/// <summary>
/// Digest delivery over a real database (SQLite, or PostgreSQL in the suite's PostgreSQL run) and a real knowledge base,
/// on a fake clock, with a sender that records what it was asked to post (and can fail on cue). <see cref="Restart"/>
/// opens a new store and delivery on the same data, as a restarted bot would.
/// </summary>
internal sealed class DigestTestBed : IDisposable
{
    private readonly TestStore _store = TestStore.Create(TestStore.HostProvider);
    private readonly TestKnowledge _knowledge = new();

    public DigestTestBed(DateTimeOffset start, DigestOptions? options = null)
    {
        Time = new FakeTimeProvider(start);
        Options = options ?? new DigestOptions { MessagesPerSecond = 0 };
        Knowledge = KnowledgeBase.Open(new KnowledgeOptions { Path = _knowledge.KnowledgePath, DataPath = _knowledge.DataPath, Semantic = false }, Time);
        Knowledge.Sync();
        Restart();
    }

    public FakeTimeProvider Time { get; }

    public DigestOptions Options { get; }

    public KnowledgeBase Knowledge { get; }

    public RecordingSender Sender { get; } = new();

    public IDigestSubscriptions Store { get; private set; } = null!;

    public DigestDelivery Delivery { get; private set; } = null!;

    public void Restart()
    {
        Store = _store.Digests();
        Delivery = new DigestDelivery(Store, Knowledge, Sender, Microsoft.Extensions.Options.Options.Create(Options), new ReplicaIdentity(), TestMetrics.Create(), Time, NullLogger<DigestDelivery>.Instance);
    }

    /// <summary>
    /// Another replica's delivery on the same data: its own store object and replica identity, the same clock and
    /// knowledge base, and its own sender (or this bed's).
    /// </summary>
    public DigestDelivery AnotherReplica(IDigestSender? sender = null) =>
        new(_store.Digests(), Knowledge, sender ?? Sender, Microsoft.Extensions.Options.Options.Create(Options), new ReplicaIdentity(), TestMetrics.Create(), Time, NullLogger<DigestDelivery>.Instance);

    /// <summary>Subscribes conversation <paramref name="id"/> now, as <c>digest on</c> does.</summary>
    public async Task<DigestSubscription> SubscribeAsync(string id, string time = "09:00", string zone = "Europe/Berlin", bool weekdaysOnly = false, string channel = "msteams")
    {
        Assert.True(DigestSchedule.TryParseTime(time, out var at));
        Assert.True(DigestSchedule.TryFindZone(zone, out var timeZone));
        var reference = new ConversationReference
        {
            ChannelId = channel,
            ServiceUrl = "https://smba.example/",
            Conversation = new ConversationAccount { Id = id },
            Bot = new ChannelAccount { Id = "bot" },
        };
        var subscription = DigestSubscription.New($"{channel}:{id}", channel, Newtonsoft.Json.JsonConvert.SerializeObject(reference), at, zone, timeZone, Time.GetUtcNow());
        if (weekdaysOnly)
        {
            subscription = subscription with { WeekdaysOnly = true, NextDelivery = DigestSchedule.Next(at, timeZone, true, Time.GetUtcNow()) };
        }

        await Store.SaveAsync(subscription, CancellationToken.None);
        return subscription;
    }

    /// <summary>Moves the clock to <paramref name="utc"/> and runs one delivery pass.</summary>
    public Task<DeliveryPass> RunAtAsync(DateTimeOffset utc)
    {
        Time.SetUtcNow(utc);
        return Delivery.DeliverDueAsync(CancellationToken.None);
    }

    public Task<DigestSubscription?> FindAsync(string id, string channel = "msteams") => Store.FindAsync($"{channel}:{id}", CancellationToken.None);

    /// <summary>Adds an article to the folder and syncs now, so the index first sees it at the clock's time.</summary>
    public void AddArticle(string slug, string title)
    {
        _knowledge.Write($"2026/{slug}.md", TestKnowledge.Article(title, $"https://example.org/{slug}", "2026-01-01", $"{title} was announced today."));
        Knowledge.Sync();
    }

    public void Dispose()
    {
        Knowledge.Dispose();
        _store.Dispose();
        _knowledge.Dispose();
    }
}

/// <summary>Records every message it is asked to send; fails a conversation's next sends when told to.</summary>
internal sealed class RecordingSender : IDigestSender
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<Exception>> _failures = new();

    public ConcurrentQueue<(string Conversation, IMessageActivity Message)> Sent { get; } = new();

    public ConcurrentQueue<string> Attempts { get; } = new();

    public void FailNext(string conversationId, Exception exception) => _failures.GetOrAdd(conversationId, _ => new()).Enqueue(exception);

    public IReadOnlyList<string> SentTo(string conversationId) => Sent.Where(s => s.Conversation == conversationId).Select(s => NewsBot.Tests.Bot.BotTestHost.Shown(s.Message)).ToList();

    public Task SendAsync(ConversationReference reference, IMessageActivity message, CancellationToken cancellationToken)
    {
        var id = reference.Conversation.Id;
        Attempts.Enqueue(id);
        if (_failures.TryGetValue(id, out var queue) && queue.TryDequeue(out var failure))
        {
            throw failure;
        }

        Sent.Enqueue((id, message));
        return Task.CompletedTask;
    }

    public static ErrorResponseException Status(System.Net.HttpStatusCode status, TimeSpan? retryAfter = null)
    {
        var response = new HttpResponseMessage(status);
        if (retryAfter is { } delay)
        {
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(delay);
        }

        return new ErrorResponseException($"Operation returned an invalid status code '{status}'")
        {
            Response = new Microsoft.Rest.HttpResponseMessageWrapper(response, string.Empty),
        };
    }
}
