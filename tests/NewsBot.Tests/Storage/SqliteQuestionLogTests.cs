using NewsBot.Storage;

namespace NewsBot.Tests.Storage;

public sealed class SqliteQuestionLogTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    private readonly TestDatabase _files = new();

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
    public async Task Record_StoresEveryField()
    {
        var log = Log();
        await log.RecordAsync(new QuestionRecord(Now, "slack", "channel", "who made phi-2?", true, "2024/phi-2-mit", 0.87), CancellationToken.None);

        await using var connection = await _files.Open().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT time, channel, conversation_type, question, answered, top_article, confidence FROM questions";
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        Assert.Equal("2026-11-26T09:00:00.0000000Z", reader.GetString(0));
        Assert.Equal("slack", reader.GetString(1));
        Assert.Equal("channel", reader.GetString(2));
        Assert.Equal("who made phi-2?", reader.GetString(3));
        Assert.Equal(1, reader.GetInt32(4));
        Assert.Equal("2024/phi-2-mit", reader.GetString(5));
        Assert.Equal(0.87, reader.GetDouble(6));
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

    public void Dispose() => _files.Dispose();

    private SqliteQuestionLog Log() => new(_files.Open());

    private static Task RecordAsync(SqliteQuestionLog log, string question, DateTimeOffset time, bool answered = false) =>
        log.RecordAsync(new QuestionRecord(time, "msteams", "personal", question, answered, answered ? "2024/phi-2-mit" : null, answered ? 0.9 : 0.1), CancellationToken.None);
}
