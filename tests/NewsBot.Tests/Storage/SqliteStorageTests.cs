using Microsoft.Extensions.Time.Testing;
using NewsBot.Configuration;
using NewsBot.Storage;

namespace NewsBot.Tests.Storage;

/// <summary><see cref="StorageContract"/> on SQLite, and what is particular to its file.</summary>
public sealed class SqliteStorageTests() : StorageContract(StorageProvider.Sqlite)
{
    [Fact]
    public async Task Write_RecordsUpdatedTime_FromTheClock()
    {
        await Storage().WriteAsync(Changes(("a", new Note { Text = "one" })), TestContext.Current.CancellationToken);

        await using var connection = await Store.OpenSqlite().OpenAsync(CancellationToken.None);
        var updated = await SqliteDatabaseTests.ScalarAsync<string>(connection, "SELECT updated FROM bot_state WHERE key = 'a'");
        Assert.Equal(_time.GetUtcNow(), SqliteTime.FromText(updated));
    }
}
