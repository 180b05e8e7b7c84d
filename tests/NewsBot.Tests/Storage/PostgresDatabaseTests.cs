using NewsBot.Configuration;
using NewsBot.Storage.Postgres;
using Npgsql;

namespace NewsBot.Tests.Storage;

/// <summary><see cref="BotDatabaseContract"/> on PostgreSQL, and how it treats versions a replica did not expect.</summary>
public sealed class PostgresDatabaseTests() : BotDatabaseContract(StorageProvider.Postgres)
{
    [Fact]
    public async Task Check_SaysUnreachable_WhenNoServerAnswers()
    {
        using var database = new PostgresDatabase("Host=127.0.0.1;Port=1;Timeout=2;Username=nobody");

        var state = await database.CheckAsync(CancellationToken.None);

        Assert.False(state.Reachable);
        Assert.False(state.IsReady);
        Assert.Null(state.SchemaVersion);
        Assert.NotNull(state.Problem);
    }

    [Fact]
    public async Task Migrate_RecordsEachVersionApplied()
    {
        await Store.OpenPostgres().MigrateAsync(CancellationToken.None);

        await using var connection = await Store.OpenPostgres().OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand("SELECT array_agg(version ORDER BY version) FROM newsbot_schema_versions", connection);
        Assert.Equal(Enumerable.Range(1, PostgresSchema.Version), (int[])(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!);
    }

    [Fact]
    public async Task Open_UsesANewerSchemaAsItIs_ForARollingDeploy()
    {
        await Store.OpenPostgres().MigrateAsync(CancellationToken.None);
        await Store.ExecuteAsync("INSERT INTO newsbot_schema_versions (version) VALUES (@version)", ("version", PostgresSchema.Version + 1));

        var database = Store.OpenPostgres();
        await using (await database.OpenAsync(CancellationToken.None))
        {
        }

        var state = await database.CheckAsync(CancellationToken.None);
        Assert.True(state.IsReady);
        Assert.Equal(PostgresSchema.Version + 1, state.SchemaVersion);
    }

    [Fact]
    public async Task Open_Refuses_WhenTheSchemaIsOld_AndMigrateOnStartIsOff()
    {
        using var database = new PostgresDatabase(Store.ConnectionString, migrateOnStart: false);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => database.OpenAsync(CancellationToken.None));

        Assert.Contains("migrate", error.Message, StringComparison.Ordinal);
        Assert.Equal(new(0, PostgresSchema.Version), await database.MigrateAsync(CancellationToken.None));
    }
}
