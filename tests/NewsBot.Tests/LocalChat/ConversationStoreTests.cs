using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NewsBot.LocalChat;

namespace NewsBot.Tests.LocalChat;

public sealed class ConversationStoreTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2024, 1, 7, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public void TryGet_ForgetsTheConversation_WhenIdleForTheExpiry()
    {
        var store = Store();
        var conversation = store.Create(User());

        _time.Advance(TimeSpan.FromMinutes(59));
        Assert.True(store.TryGet(conversation.Id, out _));
        _time.Advance(TimeSpan.FromMinutes(59));
        Assert.True(store.TryGet(conversation.Id, out _));
        _time.Advance(TimeSpan.FromHours(1));

        Assert.False(store.TryGet(conversation.Id, out _));
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public void Create_ForgetsTheLeastRecentlyActive_WhenFull()
    {
        var store = Store(maxConversations: 2);
        var first = store.Create(User());
        _time.Advance(TimeSpan.FromSeconds(1));
        var second = store.Create(User());
        _time.Advance(TimeSpan.FromSeconds(1));
        store.TryGet(first.Id, out _);

        var third = store.Create(User());

        Assert.Equal(2, store.Count);
        Assert.True(store.TryGet(first.Id, out _));
        Assert.False(store.TryGet(second.Id, out _));
        Assert.True(store.TryGet(third.Id, out _));
    }

    [Fact]
    public void TryGetByToken_AcceptsTheCurrentAndPreviousToken_UntilTheyExpire()
    {
        var store = Store();
        var conversation = store.Create(User());
        var first = conversation.IssueToken(_time.GetUtcNow(), TimeSpan.FromMinutes(30));
        _time.Advance(TimeSpan.FromMinutes(15));
        var second = conversation.IssueToken(_time.GetUtcNow(), TimeSpan.FromMinutes(30));

        Assert.True(store.TryGetByToken(first, out var found));
        Assert.Same(conversation, found);
        Assert.True(store.TryGetByToken(second, out _));
        _time.Advance(TimeSpan.FromMinutes(16));
        Assert.False(store.TryGetByToken(first, out _));
        Assert.True(store.TryGetByToken(second, out _));
        _time.Advance(TimeSpan.FromMinutes(15));
        Assert.False(store.TryGetByToken(second, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("no-dot")]
    [InlineData("unknown.secret")]
    public void TryGetByToken_RejectsTokensItDidNotIssue(string token)
    {
        var store = Store();
        store.Create(User()).IssueToken(_time.GetUtcNow(), TimeSpan.FromMinutes(30));

        Assert.False(store.TryGetByToken(token, out _));
    }

    [Fact]
    public void TryGetByToken_RejectsAnotherConversationsSecret()
    {
        var store = Store();
        var mine = store.Create(User());
        mine.IssueToken(_time.GetUtcNow(), TimeSpan.FromMinutes(30));
        var theirs = store.Create(User()).IssueToken(_time.GetUtcNow(), TimeSpan.FromMinutes(30));

        Assert.False(store.TryGetByToken(mine.Id + theirs[theirs.IndexOf('.', StringComparison.Ordinal)..], out _));
    }

    private ConversationStore Store(int maxConversations = 10) =>
        new(Options.Create(new LocalChatOptions { MaxConversations = maxConversations }), _time, NullLogger<ConversationStore>.Instance);

    private static ChannelAccount User() => new("user-1", "User", RoleTypes.User);
}
