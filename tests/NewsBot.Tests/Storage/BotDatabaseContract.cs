using NewsBot.Configuration;
using NewsBot.Storage;

namespace NewsBot.Tests.Storage;

/// <summary>
/// How every provider's database brings its schema up to date and reports its state
/// (<see cref="SqliteDatabaseTests"/>, <see cref="PostgresDatabaseTests"/>).
/// </summary>
public abstract class BotDatabaseContract(StorageProvider provider) : StoreContract(provider)
{
    [Fact]
    public async Task Check_SaysNotReady_BeforeTheSchemaIsApplied()
    {
        var state = await Store.OpenDatabase().CheckAsync(CancellationToken.None);

        Assert.True(state.Reachable);
        Assert.Equal(0, state.SchemaVersion);
        Assert.False(state.IsReady);
        Assert.NotNull(state.Problem);
    }

    [Fact]
    public async Task Migrate_AppliesEveryVersion_ThenNothing()
    {
        var database = Store.OpenDatabase();

        var first = await database.MigrateAsync(CancellationToken.None);
        var second = await Store.OpenDatabase().MigrateAsync(CancellationToken.None);

        Assert.Equal(new SchemaMigration(0, database.ExpectedVersion), first);
        Assert.Equal(new SchemaMigration(database.ExpectedVersion, database.ExpectedVersion), second);
        var state = await Store.OpenDatabase().CheckAsync(CancellationToken.None);
        Assert.True(state.IsReady);
        Assert.Equal(database.ExpectedVersion, state.SchemaVersion);
        Assert.Null(state.Problem);
    }

    [Fact]
    public async Task Migrate_AppliesTheSchemaOnce_WhenReplicasStartTogether()
    {
        var replicas = Enumerable.Range(0, 5).Select(_ => Store.OpenDatabase()).ToList();

        var migrations = await Task.WhenAll(replicas.Select(database => Task.Run(() => database.MigrateAsync(CancellationToken.None))));

        var expected = replicas[0].ExpectedVersion;
        Assert.Single(migrations, m => m.From == 0);
        Assert.All(migrations, m => Assert.Equal(expected, m.To));
        Assert.Equal(4, migrations.Count(m => m.From == expected));
    }

    [Fact]
    public async Task Stores_WorkOnAFreshDatabase_WithoutAnExplicitMigration()
    {
        await Store.QuestionLog().RecordAsync(SqliteDatabaseTests.Question("what is sora"), CancellationToken.None);

        Assert.Single(await Store.QuestionLog().UnansweredSinceAsync(DateTimeOffset.UnixEpoch, 10, CancellationToken.None));
    }
}
