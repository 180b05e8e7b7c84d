using NewsBot.Configuration;
using NewsBot.Storage;

namespace NewsBot.Tests.Storage;

/// <summary><see cref="QuestionLogContract"/> on SQLite, and how its file stores a question.</summary>
public sealed class SqliteQuestionLogTests() : QuestionLogContract(StorageProvider.Sqlite)
{
    [Fact]
    public async Task Record_StoresEveryField()
    {
        var log = Log();
        await log.RecordAsync(new QuestionRecord(Now, "slack", "channel", "who made phi-2?", true, "2024/phi-2-mit", 0.87), CancellationToken.None);

        await using var connection = await Store.OpenSqlite().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT time, channel, conversation_type, question, answered, top_article, confidence, asks_for_news FROM questions";
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken));
        Assert.Equal("2026-11-26T09:00:00.0000000Z", reader.GetString(0));
        Assert.Equal("slack", reader.GetString(1));
        Assert.Equal("channel", reader.GetString(2));
        Assert.Equal("who made phi-2?", reader.GetString(3));
        Assert.Equal(1, reader.GetInt32(4));
        Assert.Equal("2024/phi-2-mit", reader.GetString(5));
        Assert.Equal(0.87, reader.GetDouble(6));
        Assert.Equal(0, reader.GetInt32(7));
    }

    [Fact]
    public async Task UnansweredSince_CountsQuestionsLoggedBeforeTheLogKeptWhatWasNew()
    {
        // Rows written before schema 8 hold no asks_for_news: they stay gaps, as they were.
        await using (var connection = await Store.OpenSqlite().OpenAsync(CancellationToken.None))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO questions (time, channel, conversation_type, question, answered, top_article, confidence) VALUES ('2026-11-26T08:00:00.0000000Z', 'msteams', 'personal', 'what is sora', 0, NULL, 0.1)";
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var gap = Assert.Single(await Log().UnansweredSinceAsync(Now.AddDays(-1), 10, CancellationToken.None));

        Assert.Equal("what is sora", gap.Question);
    }
}
