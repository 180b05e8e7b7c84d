using Microsoft.Data.Sqlite;
using NewsBot.Configuration;
using NewsBot.Storage;

namespace NewsBot.Tests.Storage;

/// <summary><see cref="BotDatabaseContract"/> on SQLite, and what is particular to its file (WAL, busy timeout, PRAGMA user_version).</summary>
public sealed class SqliteDatabaseTests() : BotDatabaseContract(StorageProvider.Sqlite)
{
    private TestDatabase _files => Store.SqliteFiles;

    [Fact]
    public async Task Open_CreatesFolderAndSchema_WhenFileIsNew()
    {
        var database = _files.Open();

        await using var connection = await database.OpenAsync(CancellationToken.None);

        Assert.True(File.Exists(_files.DatabasePath));
        Assert.Equal(SqliteSchema.Version, await ScalarAsync<long>(connection, "PRAGMA user_version"));
        Assert.Equal("wal", await ScalarAsync<string>(connection, "PRAGMA journal_mode"));
        Assert.True(await ScalarAsync<long>(connection, "PRAGMA busy_timeout") >= 5000);
        foreach (var table in new[] { "bot_state", "questions", "feedback" })
        {
            Assert.Equal(1, await ScalarAsync<long>(connection, $"SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = '{table}'"));
        }

        Assert.Equal(1, await ScalarAsync<long>(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name = 'questions_answered_time'"));
    }

    [Fact]
    public async Task Open_KeepsData_WhenFileIsOpenedAgain()
    {
        var first = _files.Open();
        await new SqliteQuestionLog(first).RecordAsync(Question("what is sora"), CancellationToken.None);
        first.Dispose();

        var second = _files.Open();
        await using var connection = await second.OpenAsync(CancellationToken.None);

        Assert.Equal(1, await ScalarAsync<long>(connection, "SELECT count(*) FROM questions"));
        Assert.Equal(SqliteSchema.Version, await ScalarAsync<long>(connection, "PRAGMA user_version"));
    }

    [Fact]
    public async Task Open_DoesNotWaitForAnotherWriter_WhenSchemaIsCurrent()
    {
        await using (await _files.Open().OpenAsync(CancellationToken.None))
        {
        }

        await using var writer = new SqliteConnection($"Data Source={_files.DatabasePath};Pooling=False");
        await writer.OpenAsync(TestContext.Current.CancellationToken);
        await using var transaction = writer.BeginTransaction(deferred: false);

        await using var reader = await _files.Open().OpenAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Equal(0, await ScalarAsync<long>(reader, "SELECT count(*) FROM questions"));
    }

    [Fact]
    public async Task Open_Throws_WhenFileHasNewerSchema()
    {
        Directory.CreateDirectory(_files.DataPath);
        await using (var raw = new SqliteConnection($"Data Source={_files.DatabasePath};Pooling=False"))
        {
            await raw.OpenAsync(TestContext.Current.CancellationToken);
            await using var command = raw.CreateCommand();
            command.CommandText = $"PRAGMA user_version = {SqliteSchema.Version + 1}";
            await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var database = _files.Open();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => database.OpenAsync(CancellationToken.None));
        Assert.Contains("newer", error.Message);
    }

    [Fact]
    public async Task Write_RollsBack_WhenWorkThrows()
    {
        var database = _files.Open();

        await Assert.ThrowsAsync<InvalidOperationException>(() => database.WriteAsync(
            async (transaction, token) =>
            {
                await using var insert = SqliteDatabase.Command(transaction, "INSERT INTO bot_state (key, json, etag, updated) VALUES ('k', '{}', NULL, 'now')");
                await insert.ExecuteNonQueryAsync(token);
                throw new InvalidOperationException("boom");
            },
            CancellationToken.None));

        await using var connection = await database.OpenAsync(CancellationToken.None);
        Assert.Equal(0, await ScalarAsync<long>(connection, "SELECT count(*) FROM bot_state"));
    }

    [Fact]
    public async Task Open_Throws_WhenDisposed()
    {
        var database = _files.Open();
        database.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => database.OpenAsync(CancellationToken.None));
    }

    internal static QuestionRecord Question(string text, bool answered = false, DateTimeOffset? time = null) =>
        new(time ?? new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero), "msteams", "personal", text, answered, null, 0.1);

    internal static async Task<T> ScalarAsync<T>(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
