using NewsBot.Configuration;
using NewsBot.Storage;

namespace NewsBot.Tests.Storage;

/// <summary>What the question log must do on every provider: <see cref="SqliteQuestionLogTests"/>, <see cref="PostgresQuestionLogTests"/>.</summary>
public abstract class QuestionLogContract(StorageProvider provider) : StoreContract(provider)
{
    private protected static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task UnansweredSince_GroupsQuestions_IgnoringCaseAndSurroundingSpaces()
    {
        var log = Log();
        await RecordAsync(log, "What is Sora?", Now.AddDays(-3));
        await RecordAsync(log, "  what is sora?", Now.AddDays(-2));
        await RecordAsync(log, "WHAT IS SORA?\t", Now.AddDays(-1));

        var gap = Assert.Single(await log.UnansweredSinceAsync(Now.AddDays(-30), 10, CancellationToken.None));

        Assert.Equal(3, gap.Count);
        Assert.Equal(Now.AddDays(-1), gap.LastAsked);
    }

    [Fact]
    public async Task UnansweredSince_NamesGroupByItsMostRecentSpelling()
    {
        var log = Log();
        await RecordAsync(log, "what is sora", Now.AddDays(-3));
        await RecordAsync(log, "  What is Sora ", Now.AddDays(-1));
        await RecordAsync(log, "WHAT IS SORA", Now.AddDays(-2));

        var gap = Assert.Single(await log.UnansweredSinceAsync(Now.AddDays(-30), 10, CancellationToken.None));

        Assert.Equal("What is Sora", gap.Question);
    }

    [Fact]
    public async Task UnansweredSince_OrdersByCount_ThenMostRecent()
    {
        var log = Log();
        await RecordAsync(log, "rare old", Now.AddDays(-5));
        await RecordAsync(log, "rare new", Now.AddDays(-1));
        await RecordAsync(log, "frequent", Now.AddDays(-9));
        await RecordAsync(log, "frequent", Now.AddDays(-8));

        var gaps = await log.UnansweredSinceAsync(Now.AddDays(-30), 10, CancellationToken.None);

        Assert.Equal(["frequent", "rare new", "rare old"], gaps.Select(gap => gap.Question));
        Assert.Equal([2, 1, 1], gaps.Select(gap => gap.Count));
    }

    [Fact]
    public async Task UnansweredSince_LeavesOutAnsweredQuestions_AndThoseBeforeSince()
    {
        var log = Log();
        await RecordAsync(log, "answered", Now.AddDays(-1), answered: true);
        await RecordAsync(log, "too old", Now.AddDays(-8));
        await RecordAsync(log, "on the boundary", Now.AddDays(-7));
        await RecordAsync(log, "partly old", Now.AddDays(-10));
        await RecordAsync(log, "partly old", Now.AddDays(-2));

        var gaps = await log.UnansweredSinceAsync(Now.AddDays(-7), 10, CancellationToken.None);

        Assert.Equal(["partly old", "on the boundary"], gaps.Select(gap => gap.Question));
        Assert.Equal(1, gaps[0].Count);
    }

    [Fact]
    public async Task UnansweredSince_LeavesOutQuestionsThatAskedWhatIsNew()
    {
        var log = Log();
        await log.RecordAsync(new QuestionRecord(Now.AddHours(-2), "msteams", "personal", "what's new?", false, "2025/claude-3-7", 0) { AsksForNews = true }, CancellationToken.None);
        await RecordAsync(log, "what's new with sora?", Now.AddHours(-1));

        var gap = Assert.Single(await log.UnansweredSinceAsync(Now.AddDays(-1), 10, CancellationToken.None));

        Assert.Equal("what's new with sora?", gap.Question);
    }

    [Fact]
    public async Task UnansweredSince_ReturnsAtMostLimit()
    {
        var log = Log();
        for (var i = 0; i < 5; i++)
        {
            await RecordAsync(log, $"question {i}", Now.AddHours(-i));
        }

        var gaps = await log.UnansweredSinceAsync(Now.AddDays(-1), 2, CancellationToken.None);

        Assert.Equal(["question 0", "question 1"], gaps.Select(gap => gap.Question));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public async Task UnansweredSince_Throws_WhenLimitIsNotPositive(int limit)
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => Log().UnansweredSinceAsync(Now, limit, CancellationToken.None));
    }

    [Fact]
    public async Task Record_StoresTimeInUtc_WhenGivenAnOffset()
    {
        var log = Log();
        await RecordAsync(log, "offset", new DateTimeOffset(2026, 11, 26, 10, 0, 0, TimeSpan.FromHours(2)));

        var gap = Assert.Single(await log.UnansweredSinceAsync(Now.AddDays(-1), 10, CancellationToken.None));

        Assert.Equal(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero), gap.LastAsked);
        Assert.Equal(TimeSpan.Zero, gap.LastAsked.Offset);
    }

    [Fact]
    public async Task UnansweredSince_IsSharedByEveryDatabaseOnTheSameData()
    {
        await RecordAsync(Log(), "asked on one replica", Now.AddHours(-2));
        await RecordAsync(Log(), "asked on one replica", Now.AddHours(-1));

        var gap = Assert.Single(await Log().UnansweredSinceAsync(Now.AddDays(-1), 10, CancellationToken.None));

        Assert.Equal(2, gap.Count);
    }

    private protected IQuestionLog Log() => Store.QuestionLog();

    private protected static Task RecordAsync(IQuestionLog log, string question, DateTimeOffset time, bool answered = false) =>
        log.RecordAsync(new QuestionRecord(time, "msteams", "personal", question, answered, answered ? "2024/phi-2-mit" : null, answered ? 0.9 : 0.1), CancellationToken.None);
}
