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

    [SkippableFact]
    public async Task Read_LeavesOutKeysNotFound()
    {
        var storage = Storage();
        await storage.WriteAsync(Changes(("a", new Note { Text = "one" })));

        var items = await storage.ReadAsync(["a", "missing"]);

        Assert.Equal(["a"], items.Keys);
    }

    [SkippableFact]
    public async Task Read_ReturnsNothing_WhenGivenNoKeys()
    {
        var items = await Storage().ReadAsync([]);

        Assert.Empty(items);
    }

    [SkippableFact]
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

        await storage.WriteAsync(Changes(("note", note)));
        var read = Assert.IsType<Note>((await storage.ReadAsync(["note"]))["note"]);

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

    [SkippableFact]
    public async Task Write_GivesNewETag_OnEveryWrite()
    {
        var storage = Storage();
        await storage.WriteAsync(Changes(("a", new Note { Text = "one" })));
        var first = await ReadNoteAsync(storage, "a");

        await storage.WriteAsync(Changes(("a", first)));
        var second = await ReadNoteAsync(storage, "a");

        Assert.NotEqual(first.ETag, second.ETag);
        Assert.False(string.IsNullOrEmpty(second.ETag));
    }

    [SkippableFact]
    public async Task Write_Throws_WhenETagIsStale()
    {
        var storage = Storage();
        await storage.WriteAsync(Changes(("a", new Note { Text = "one" })));
        var stale = await ReadNoteAsync(storage, "a");
        await storage.WriteAsync(Changes(("a", new Note { Text = "two", ETag = stale.ETag })));

        var error = await Assert.ThrowsAsync<ArgumentException>(() => storage.WriteAsync(Changes(("a", new Note { Text = "three", ETag = stale.ETag }))));

        Assert.StartsWith("Etag conflict.", error.Message, StringComparison.Ordinal);
        Assert.Contains($"Original: {stale.ETag}", error.Message, StringComparison.Ordinal);
        Assert.Equal("two", (await ReadNoteAsync(storage, "a")).Text);
    }

    [SkippableTheory]
    [InlineData("*")]
    [InlineData(null)]
    public async Task Write_Overwrites_WhenETagIsStarOrNull(string? etag)
    {
        var storage = Storage();
        await storage.WriteAsync(Changes(("a", new Note { Text = "one" })));

        await storage.WriteAsync(Changes(("a", new Note { Text = "two", ETag = etag })));

        Assert.Equal("two", (await ReadNoteAsync(storage, "a")).Text);
    }

    [SkippableFact]
    public async Task Write_Succeeds_WhenNewItemHasAnyETag()
    {
        var storage = Storage();

        await storage.WriteAsync(Changes(("a", new Note { Text = "one", ETag = "from elsewhere" })));

        Assert.Equal("one", (await ReadNoteAsync(storage, "a")).Text);
    }

    [SkippableFact]
    public async Task Write_WritesNothing_WhenOneChangeConflicts()
    {
        var storage = Storage();
        await storage.WriteAsync(Changes(("a", new Note { Text = "one" })));
        var stale = await ReadNoteAsync(storage, "a");
        await storage.WriteAsync(Changes(("a", new Note { Text = "two", ETag = "*" })));

        await Assert.ThrowsAsync<ArgumentException>(() => storage.WriteAsync(Changes(
            ("b", new Note { Text = "new" }),
            ("a", new Note { Text = "three", ETag = stale.ETag }))));

        Assert.Empty(await storage.ReadAsync(["b"]));
    }

    [SkippableFact]
    public async Task Write_NeverConflicts_ForValuesThatAreNotStoreItems()
    {
        var storage = Storage();
        await storage.WriteAsync(Changes(("a", new Dictionary<string, object> { ["x"] = "one" })));

        await storage.WriteAsync(Changes(("a", new Dictionary<string, object> { ["x"] = "two" })));

        var read = Assert.IsType<Dictionary<string, object>>((await storage.ReadAsync(["a"]))["a"]);
        Assert.Equal("two", read["x"]);
    }

    [SkippableFact]
    public async Task Write_StoresNullAsAbsent()
    {
        var storage = Storage();
        await storage.WriteAsync(Changes(("a", new Note { Text = "one" })));

        await storage.WriteAsync(new Dictionary<string, object> { ["a"] = null! });

        Assert.Empty(await storage.ReadAsync(["a"]));
    }

    [SkippableFact]
    public async Task Write_Throws_WhenTypeCouldNotBeReadBack()
    {
        var storage = Storage();

        await Assert.ThrowsAsync<JsonSerializationException>(() => storage.WriteAsync(Changes(("a", new { Text = "anonymous" }))));
    }

    [SkippableTheory]
    [InlineData("System.Data.DataSet, System.Data.Common")]
    [InlineData("System.Collections.Generic.List`1[[Evil.Payload, Evil]], System.Private.CoreLib")]
    [InlineData("Some.Other.Type, NewsBot")]
    [InlineData("System.Action, System.Private.CoreLib")]
    public async Task Read_Throws_WhenStoredTypeIsNotAllowed(string type)
    {
        var storage = Storage();
        await storage.WriteAsync(Changes(("a", new Note { Text = "one" })));
        await Store.ExecuteAsync("UPDATE bot_state SET json = @json WHERE key = 'a'", ("json", JsonConvert.SerializeObject(new Dictionary<string, object> { ["$type"] = type })));

        await Assert.ThrowsAsync<JsonSerializationException>(() => storage.ReadAsync(["a"]));
    }

    [SkippableFact]
    public async Task Read_Throws_WhenAKeyIsNull()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Storage().ReadAsync(["a", null!]));
    }

    [SkippableFact]
    public async Task Delete_RemovesKeys_AndIgnoresMissingOnes()
    {
        var storage = Storage();
        await storage.WriteAsync(Changes(("a", new Note { Text = "one" }), ("b", new Note { Text = "two" })));

        await storage.DeleteAsync(["a", "missing"]);

        Assert.Equal(["b"], (await storage.ReadAsync(["a", "b"])).Keys);
    }

    [SkippableFact]
    public async Task Read_FindsWhatWasWritten_AfterReopening()
    {
        await Storage().WriteAsync(Changes(("a", new Note { Text = "kept" })));

        var reopened = Store.Storage(_time);

        Assert.Equal("kept", (await ReadNoteAsync(reopened, "a")).Text);
    }

    [SkippableFact]
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

        var items = await storages[0].ReadAsync([.. Enumerable.Range(0, 100).Select(i => $"own/{i}"), "shared"]);
        Assert.Equal(101, items.Count);
    }

    [SkippableFact]
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
            await last.SetAsync(turn, new Remembered("what is sora", 3));
            await notes.SetAsync(turn, new Note { Text = "n", Tags = ["x"] });
            await count.SetAsync(turn, 7);
            await text.SetAsync(turn, "2024-01-06");
            await state.SaveChangesAsync(turn);
        }

        var reopened = new ConversationState(Store.Storage(_time));
        using var next = new TurnContext(new TestAdapter(), activity);

        Assert.Equal(new Remembered("what is sora", 3), await reopened.CreateProperty<Remembered>("lastQuestion").GetAsync(next, () => null!));
        Assert.Equal(["x"], (await reopened.CreateProperty<Note>("note").GetAsync(next, () => null!)).Tags);
        Assert.Equal(7, await reopened.CreateProperty<int>("count").GetAsync(next, () => 0));
        Assert.Equal("2024-01-06", await reopened.CreateProperty<string>("text").GetAsync(next, () => null!));
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
