using Microsoft.AspNetCore.Builder;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using NewsBot.Hosting;
using NewsBot.Storage;

namespace NewsBot.Tests.Storage;

public sealed class StorageHostingExtensionsTests : IDisposable
{
    private readonly TestDatabase _files = new();

    [Fact]
    public async Task AddBotStorage_RegistersOneDatabaseInTheDataFolder_ForEveryStore()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Services.AddSingleton(new DataPaths(Path.Combine(_files.DataPath, "..", "knowledge"), _files.DataPath));

        builder.AddBotStorage();
        await using var app = builder.Build();

        var database = app.Services.GetRequiredService<SqliteDatabase>();
        Assert.Equal(_files.DatabasePath, database.Path);
        Assert.IsType<SqliteStorage>(app.Services.GetRequiredService<IStorage>());
        Assert.Same(app.Services.GetRequiredService<IStorage>(), app.Services.GetRequiredService<IStorage>());
        Assert.NotNull(app.Services.GetRequiredService<ConversationState>());
        Assert.IsType<SqliteQuestionLog>(app.Services.GetRequiredService<IQuestionLog>());
        Assert.IsType<SqliteFeedbackStore>(app.Services.GetRequiredService<IFeedbackStore>());

        await app.Services.GetRequiredService<IQuestionLog>().RecordAsync(
            new QuestionRecord(DateTimeOffset.UnixEpoch, "test", "personal", "q", false, null, 0), CancellationToken.None);
        Assert.True(File.Exists(_files.DatabasePath));
    }

    public void Dispose() => _files.Dispose();
}
