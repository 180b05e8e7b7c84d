using Microsoft.Bot.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using NewsBot.Configuration;
using NewsBot.Digests;
using NewsBot.Hosting;
using NewsBot.Storage;
using NewsBot.Storage.Postgres;

namespace NewsBot.Tests.Storage;

public sealed class StorageHostingExtensionsTests : IDisposable
{
    private readonly TestDatabase _files = new();

    [Fact]
    public async Task AddBotStorage_RegistersOneSqliteDatabaseInTheDataFolder_ForEveryStore_ByDefault()
    {
        await using var app = Build();

        var database = app.Services.GetRequiredService<SqliteDatabase>();
        Assert.Equal(_files.DatabasePath, database.Path);
        Assert.Same(database, app.Services.GetRequiredService<IBotDatabase>());
        Assert.IsType<SqliteStorage>(app.Services.GetRequiredService<IStorage>());
        Assert.Same(app.Services.GetRequiredService<IStorage>(), app.Services.GetRequiredService<IStorage>());
        Assert.NotNull(app.Services.GetRequiredService<ConversationState>());
        Assert.IsType<SqliteQuestionLog>(app.Services.GetRequiredService<IQuestionLog>());
        Assert.IsType<SqliteFeedbackStore>(app.Services.GetRequiredService<IFeedbackStore>());

        await app.Services.GetRequiredService<IQuestionLog>().RecordAsync(
            new QuestionRecord(DateTimeOffset.UnixEpoch, "test", "personal", "q", false, null, 0), CancellationToken.None);
        Assert.True(File.Exists(_files.DatabasePath));
    }

    [Fact]
    public async Task AddBotStorage_RegistersPostgresStores_WhenTheProviderIsPostgres()
    {
        await using var app = Build(("Storage:Provider", "Postgres"), ("ConnectionStrings:NewsBot", "Host=127.0.0.1;Port=1;Database=newsbot"));

        Assert.IsType<PostgresDatabase>(app.Services.GetRequiredService<IBotDatabase>());
        Assert.IsType<PostgresStorage>(app.Services.GetRequiredService<IStorage>());
        Assert.IsType<PostgresQuestionLog>(app.Services.GetRequiredService<IQuestionLog>());
        Assert.IsType<PostgresFeedbackStore>(app.Services.GetRequiredService<IFeedbackStore>());
        Assert.Equal("127.0.0.1:1/newsbot", app.Services.GetRequiredService<IBotDatabase>().Location);
        Assert.False(File.Exists(_files.DatabasePath));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not a connection string")]
    public void AddBotStorage_StopsTheStart_WhenPostgresHasNoUsableConnectionString(string? connectionString)
    {
        var settings = new List<(string, string?)> { ("Storage:Provider", "Postgres") };
        if (connectionString is not null)
        {
            settings.Add(("ConnectionStrings:NewsBot", connectionString));
        }

        using var app = Build([.. settings]);
        var error = Assert.ThrowsAny<Exception>(() => app.Services.GetRequiredService<IStartupValidator>().Validate());

        // The knowledge folders depend on the Storage section and fail with it: the line says it once.
        var line = SettingsError.Describe(error);
        Assert.NotNull(line);
        Assert.StartsWith("error: Storage:Provider is Postgres: set ConnectionStrings:NewsBot", line, StringComparison.Ordinal);
        Assert.Single(line.Split("ConnectionStrings:NewsBot (", StringSplitOptions.None).Skip(1));
    }

    [Fact]
    public void AddBotStorage_StopsTheStart_WhenTheProviderIsUnknown()
    {
        using var app = Build(("Storage:Provider", "Oracle"));

        Assert.ThrowsAny<Exception>(() => app.Services.GetRequiredService<IStartupValidator>().Validate());
    }

    [Fact]
    public async Task AddDigests_StoresSubscriptionsInTheConfiguredDatabase()
    {
        await using var app = Build(("Storage:Provider", "Postgres"), ("ConnectionStrings:NewsBot", "Host=127.0.0.1;Port=1"));

        Assert.IsType<PostgresDigestSubscriptions>(app.Services.GetRequiredService<IDigestSubscriptions>());
        Assert.IsType<PostgresInstallations>(app.Services.GetRequiredService<IInstallations>());
    }

    public void Dispose() => _files.Dispose();

    private WebApplication Build(params (string Key, string? Value)[] settings)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Configuration.AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)));
        builder.Services.AddSingleton(new DataPaths(Path.Combine(_files.DataPath, "..", "knowledge"), _files.DataPath));
        builder.Services.AddNewsBotSettings();
        builder.AddBotStorage();
        builder.AddDigests();
        return builder.Build();
    }
}
