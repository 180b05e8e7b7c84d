using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json;
using NewsBot.Configuration;

namespace NewsBot.Tests.Storage;

/// <summary>
/// What bot state storage must do on every provider (MemoryStorage's behaviour, kept across restarts and replicas):
/// run by <see cref="SqliteStorageTests"/> and <see cref="PostgresStorageTests"/>.
/// </summary>
public abstract class StorageContract(StorageProvider provider) : StoreContract(provider)
{
    private protected readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Read_LeavesOutKeysNotFound()
    {
        var storage = Storage();
        await storage.WriteAsync(Changes(("a", new Note { Text = "one" })), TestContext.Current.CancellationToken);

        var items = await storage.ReadAsync(["a", "missing"], TestContext.Current.CancellationToken);

        Assert.Equal(["a"], items.Keys);
    }

    [Fact]
    public async Task Read_ReturnsNothing_WhenGivenNoKeys()
    {
        var items = await Storage().ReadAsync([], TestContext.Current.CancellationToken);

        Assert.Empty(items);
    }

    [Fact]
    public async Task Write_ThenRead_RoundTripsPoco()
    {
        var storage = Storage();
        var note = new Note
        {
            Text = "Phi-2 is MIT licensed",
            Count = 3,
            Tags = ["licence", "microsoft"],
            Published = "2024-01-06T00:00:00Z",
            Seen = new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero),
            Last = new Remembered("what is phi-2", 2),
            Extra = new Dictionary<string, object> { ["n"] = 1L, ["s"] = "2024-01-06" },
        };

        await storage.WriteAsync(Changes(("note", note)), TestContext.Current.CancellationToken);
        var read = Assert.IsType<Note>((await storage.ReadAsync(["note"], TestContext.Current.CancellationToken))["note"]);

        Assert.Equal(note.Text, read.Text);
        Assert.Equal(3, read.Count);
        Assert.Equal(["licence", "microsoft"], read.Tags);
        Assert.Equal("2024-01-06T00:00:00Z", read.Published);
        Assert.Equal(note.Seen, read.Seen);
        Assert.Equal(new Remembered("what is phi-2", 2), read.Last);
        Assert.Equal(1L, read.Extra["n"]);
        Assert.Equal("2024-01-06", read.Extra["s"]);
        Assert.False(string.IsNullOrEmpty(read.ETag));
    }

    [Fact]
    public async Task Write_GivesNewETag_OnEveryWrite()
    {
        var storage = Storage();
        await storage.WriteAsync(Changes(("a", new Note { Text = "one" })), TestContext.Current.CancellationToken);
        var first = await ReadNoteAsync(storage, "a");

        await storage.WriteAsync(Changes(("a", first)), TestContext.Current.CancellationToken);
        var second = await ReadNoteAsync(storage, "a");

        Assert.NotEqual(first.ETag, second.ETag);
        Assert.False(string.IsNullOrEmpty(second.ETag));
    }

    [Fact]
    public async Task Write_Throws_WhenETagIsStale()
    {
        var storage = Storage();
        await storage.WriteAsync(Changes(("a", new Note { Text = "one" })), TestContext.Current.CancellationToken);
        var stale = await ReadNoteAsync(storage, "a");
        await storage.WriteAsync(Changes(("a", new Note { Text = "two", ETag = stale.ETag })), TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<ArgumentException>(() => storage.WriteAsync(Changes(("a", new Note { Text = "three", ETag = stale.ETag })), TestContext.Current.CancellationToken));

        Assert.StartsWith("Etag conflict.", error.Message, StringComparison.Ordinal);
        Assert.Contains($"Original: {stale.ETag}", error.Message, StringComparison.Ordinal);
        Assert.Equal("two", (await ReadNoteAsync(storage, "a")).Text);
    }

    [Theory]
    [InlineData("*")]
    [InlineData(null)]
    public async Task Write_Overwrites_WhenETagIsStarOrNull(string? etag)
    {
        var storage = Storage();
        await storage.WriteAsync(Changes(("a", new Note { Text = "one" })), TestContext.Current.CancellationToken);

        await storage.WriteAsync(Changes(("a", new Note { Text = "two", ETag = etag })), TestContext.Current.CancellationToken);

        Assert.Equal("two", (await ReadNoteAsync(storage, "a")).Text);
    }

    [Fact]
    public async Task Write_Succeeds_WhenNewItemHasAnyETag()
    {
        var storage = Storage();

        await storage.WriteAsync(Changes(("a", new Note { Text = "one", ETag = "from elsewhere" })), TestContext.Current.CancellationToken);

        Assert.Equal("one", (await ReadNoteAsync(storage, "a")).Text);
    }

    [Fact]
    public async Task Write_WritesNothing_WhenOneChangeConflicts()
    {
        var storage = Storage();
        await storage.WriteAsync(Changes(("a", new Note { Text = "one" })), TestContext.Current.CancellationToken);
        var stale = await ReadNoteAsync(storage, "a");
        await storage.WriteAsync(Changes(("a", new Note { Text = "two", ETag = "*" })), TestContext.Current.CancellationToken);

        await Assert.ThrowsAsync<ArgumentException>(() => storage.WriteAsync(Changes(
            ("b", new Note { Text = "new" }),
            ("a", new Note { Text = "three", ETag = stale.ETag })), TestContext.Current.CancellationToken));

        Assert.Empty(await storage.ReadAsync(["b"], TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Write_NeverConflicts_ForValuesThatAreNotStoreItems()
    {
        var storage = Storage();
        await storage.WriteAsync(Changes(("a", new Dictionary<string, object> { ["x"] = "one" })), TestContext.Current.CancellationToken);

        await storage.WriteAsync(Changes(("a", new Dictionary<string, object> { ["x"] = "two" })), TestContext.Current.CancellationToken);

        var read = Assert.IsType<Dictionary<string, object>>((await storage.ReadAsync(["a"], TestContext.Current.CancellationToken))["a"]);
        Assert.Equal("two", read["x"]);
    }

    [Fact]
    public async Task Write_StoresNullAsAbsent()
    {
        var storage = Storage();
        await storage.WriteAsync(Changes(("a", new Note { Text = "one" })), TestContext.Current.CancellationToken);

        await storage.WriteAsync(new Dictionary<string, object> { ["a"] = null! }, TestContext.Current.CancellationToken);

        Assert.Empty(await storage.ReadAsync(["a"], TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Write_Throws_WhenTypeCouldNotBeReadBack()
    {
        var storage = Storage();

        await Assert.ThrowsAsync<JsonSerializationException>(() => storage.WriteAsync(Changes(("a", new { Text = "anonymous" })), TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("System.Data.DataSet, System.Data.Common")]
    [InlineData("System.Collections.Generic.List`1[[Evil.Payload, Evil]], System.Private.CoreLib")]
    [InlineData("Some.Other.Type, NewsBot")]
    [InlineData("System.Action, System.Private.CoreLib")]
    public async Task Read_Throws_WhenStoredTypeIsNotAllowed(string type)
    {
        var storage = Storage();
        await storage.WriteAsync(Changes(("a", new Note { Text = "one" })), TestContext.Current.CancellationToken);
        await Store.ExecuteAsync("UPDATE bot_state SET json = @json WHERE key = 'a'", ("json", JsonConvert.SerializeObject(new Dictionary<string, object> { ["$type"] = type })));

        await Assert.ThrowsAsync<JsonSerializationException>(() => storage.ReadAsync(["a"], TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Read_Throws_WhenAKeyIsNull()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Storage().ReadAsync(["a", null!], TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Delete_RemovesKeys_AndIgnoresMissingOnes()
    {
        var storage = Storage();
        await storage.WriteAsync(Changes(("a", new Note { Text = "one" }), ("b", new Note { Text = "two" })), TestContext.Current.CancellationToken);

        await storage.DeleteAsync(["a", "missing"], TestContext.Current.CancellationToken);

        Assert.Equal(["b"], (await storage.ReadAsync(["a", "b"], TestContext.Current.CancellationToken)).Keys);
    }

    [Fact]
    public async Task Read_FindsWhatWasWritten_AfterReopening()
    {
        await Storage().WriteAsync(Changes(("a", new Note { Text = "kept" })), TestContext.Current.CancellationToken);

        var reopened = Store.Storage(_time);

        Assert.Equal("kept", (await ReadNoteAsync(reopened, "a")).Text);
    }

    [Fact]
    public async Task Write_DoesNotThrow_WhenManyTasksWriteAtOnce()
    {
        // Two databases on the same data: the second acts as another process (SQLite's own locking) or replica.
        var storages = new[] { Storage(), Store.Storage(_time) };

        await Task.WhenAll(Enumerable.Range(0, 100).Select(i => Task.Run(async () =>
        {
            var storage = storages[i % 2];
            await storage.WriteAsync(Changes(($"own/{i}", new Note { Text = $"{i}" }), ("shared", new Note { Text = $"{i}", ETag = "*" })));
            await storage.ReadAsync([$"own/{i}", "shared"]);
        })));

        var items = await storages[0].ReadAsync([.. Enumerable.Range(0, 100).Select(i => $"own/{i}"), "shared"], TestContext.Current.CancellationToken);
        Assert.Equal(101, items.Count);
    }

    [Fact]
    public async Task ConversationState_RoundTripsProperties_ThroughTheStore()
    {
        var activity = new Activity
        {
            Type = ActivityTypes.Message,
            ChannelId = "msteams",
            Conversation = new ConversationAccount { Id = "conversation-1" },
            From = new ChannelAccount { Id = "user" },
            Recipient = new ChannelAccount { Id = "bot" },
        };

        var state = new ConversationState(Storage());
        var last = state.CreateProperty<Remembered>("lastQuestion");
        var notes = state.CreateProperty<Note>("note");
        var count = state.CreateProperty<int>("count");
        var text = state.CreateProperty<string>("text");
        using (var turn = new TurnContext(new TestAdapter(), activity))
        {
            await last.SetAsync(turn, new Remembered("what is sora", 3), TestContext.Current.CancellationToken);
            await notes.SetAsync(turn, new Note { Text = "n", Tags = ["x"] }, TestContext.Current.CancellationToken);
            await count.SetAsync(turn, 7, TestContext.Current.CancellationToken);
            await text.SetAsync(turn, "2024-01-06", TestContext.Current.CancellationToken);
            await state.SaveChangesAsync(turn, cancellationToken: TestContext.Current.CancellationToken);
        }

        var reopened = new ConversationState(Store.Storage(_time));
        using var next = new TurnContext(new TestAdapter(), activity);

        Assert.Equal(new Remembered("what is sora", 3), await reopened.CreateProperty<Remembered>("lastQuestion").GetAsync(next, () => null!, TestContext.Current.CancellationToken));
        Assert.Equal(["x"], (await reopened.CreateProperty<Note>("note").GetAsync(next, () => null!, TestContext.Current.CancellationToken)).Tags);
        Assert.Equal(7, await reopened.CreateProperty<int>("count").GetAsync(next, () => 0, TestContext.Current.CancellationToken));
        Assert.Equal("2024-01-06", await reopened.CreateProperty<string>("text").GetAsync(next, () => null!, TestContext.Current.CancellationToken));
    }

    private protected IStorage Storage() => Store.Storage(_time);

    private protected static Dictionary<string, object> Changes(params (string Key, object Value)[] changes) =>
        changes.ToDictionary(change => change.Key, change => change.Value);

    private protected static async Task<Note> ReadNoteAsync(IStorage storage, string key) =>
        Assert.IsType<Note>((await storage.ReadAsync([key]))[key]);
}

public sealed class Note : IStoreItem
{
    public string? Text { get; set; }

    public int Count { get; set; }

    public List<string> Tags { get; set; } = [];

    public string? Published { get; set; }

    public DateTimeOffset Seen { get; set; }

    public Remembered? Last { get; set; }

    public Dictionary<string, object> Extra { get; set; } = [];

    public string? ETag { get; set; }
}

public sealed record Remembered(string Question, int Shown);
