using Microsoft.Extensions.Time.Testing;
using NewsBot.Collection;
using NewsBot.Health;
using NewsBot.Knowledge;
using NewsBot.Storage;
using NewsBot.Storage.Postgres;
using NewsBot.Tests.Storage;

namespace NewsBot.Tests.Health;

public sealed class HealthEndpointsTests : IDisposable
{
    private readonly TestKnowledge _knowledge = new();
    private readonly TestDatabase _files = new();
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public async Task Report_Answers503_UntilTheFirstIndexBuildHasFinished()
    {
        using var knowledge = KnowledgeBase.Open(new KnowledgeOptions { Path = _knowledge.KnowledgePath, DataPath = _knowledge.DataPath, Semantic = false }, new FakeTimeProvider());
        var state = new CollectionState();
        var database = await MigratedAsync();

        var before = await ExecuteAsync(await HealthEndpoints.ReportAsync(state, knowledge, database, _time, CancellationToken.None));
        knowledge.Sync(TestContext.Current.CancellationToken);
        state.MarkReady();
        var after = await ExecuteAsync(await HealthEndpoints.ReportAsync(state, knowledge, database, _time, CancellationToken.None));

        Assert.Equal(503, before.Status);
        Assert.Contains("\"status\":\"starting\"", before.Body);
        Assert.Equal(200, after.Status);
        Assert.Contains("\"articles\":3", after.Body);
    }

    [Fact]
    public async Task Report_AddsTheDatabasesState()
    {
        using var knowledge = KnowledgeBase.Open(new KnowledgeOptions { Path = _knowledge.KnowledgePath, DataPath = _knowledge.DataPath, Semantic = false }, new FakeTimeProvider());
        var state = new CollectionState();
        knowledge.Sync(TestContext.Current.CancellationToken);
        state.MarkReady();
        var database = await MigratedAsync();

        var report = await ExecuteAsync(await HealthEndpoints.ReportAsync(state, knowledge, database, _time, CancellationToken.None));

        Assert.Contains($"\"database\":{{\"provider\":\"sqlite\",\"reachable\":true,\"schemaVersion\":{SqliteSchema.Version},\"expectedVersion\":{SqliteSchema.Version},\"ready\":true,\"problem\":null}}", report.Body);
    }

    [Fact]
    public async Task Report_SaysHowManyPassagesHaveTheirVectors_WhenSemanticRankingIsOn()
    {
        using var knowledge = KnowledgeBase.Open(new KnowledgeOptions { Path = _knowledge.KnowledgePath, DataPath = _knowledge.DataPath, Semantic = true, EmbeddingThreads = 2 }, new FakeTimeProvider());
        var state = new CollectionState();
        knowledge.Sync(TestContext.Current.CancellationToken);
        await knowledge.WhenVectorsReadyAsync(TestContext.Current.CancellationToken);
        state.MarkReady();

        var report = await ExecuteAsync(await HealthEndpoints.ReportAsync(state, knowledge, await MigratedAsync(), _time, CancellationToken.None));

        var passages = knowledge.Stats.Passages;
        Assert.Contains($"\"semantic\":{{\"enabled\":true,\"model\":\"all-MiniLM-L6-v2\",\"vectorsReady\":{passages},\"vectorsTotal\":{passages},\"problem\":null}}", report.Body);
    }

    [Fact]
    public async Task Report_SaysSemanticRankingIsOff_WhenItIs()
    {
        using var knowledge = KnowledgeBase.Open(new KnowledgeOptions { Path = _knowledge.KnowledgePath, DataPath = _knowledge.DataPath, Semantic = false }, new FakeTimeProvider());
        var state = new CollectionState();
        knowledge.Sync(TestContext.Current.CancellationToken);
        state.MarkReady();

        var report = await ExecuteAsync(await HealthEndpoints.ReportAsync(state, knowledge, await MigratedAsync(), _time, CancellationToken.None));

        Assert.Contains("\"semantic\":{\"enabled\":false", report.Body);
    }

    [Fact]
    public async Task Ready_Answers503_WhileTheIndexIsBuilt_Then200()
    {
        var state = new CollectionState();
        var database = await MigratedAsync();

        var before = await ExecuteAsync(await HealthEndpoints.ReadyAsync(state, database, _time, CancellationToken.None));
        state.MarkReady();
        var after = await ExecuteAsync(await HealthEndpoints.ReadyAsync(state, database, _time, CancellationToken.None));

        Assert.Equal(503, before.Status);
        Assert.Contains("the index is still being built", before.Body);
        Assert.Equal(200, after.Status);
        Assert.Contains("\"status\":\"ready\"", after.Body);
    }

    [Fact]
    public async Task Ready_Answers503_WhenTheSchemaIsNotApplied()
    {
        var state = new CollectionState();
        state.MarkReady();
        using var database = new SqliteDatabase(_files.DatabasePath);

        var result = await ExecuteAsync(await HealthEndpoints.ReadyAsync(state, database, _time, CancellationToken.None));

        Assert.Equal(503, result.Status);
        Assert.Contains("the database is not ready", result.Body);
    }

    [Fact]
    public async Task Ready_Answers503_WhenTheDatabaseDoesNotAnswer()
    {
        var state = new CollectionState();
        state.MarkReady();
        using var database = new PostgresDatabase("Host=127.0.0.1;Port=1;Timeout=2;Username=nobody");

        var result = await ExecuteAsync(await HealthEndpoints.ReadyAsync(state, database, _time, CancellationToken.None));

        Assert.Equal(503, result.Status);
        Assert.Contains("\"provider\":\"postgres\",\"reachable\":false", result.Body);
    }

    private async Task<SqliteDatabase> MigratedAsync()
    {
        var database = _files.Open();
        await database.MigrateAsync(CancellationToken.None);
        return database;
    }

    private static async Task<(int Status, string Body)> ExecuteAsync(IResult result)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        using var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteAsync(context);
        return (context.Response.StatusCode, System.Text.Encoding.UTF8.GetString(body.ToArray()));
    }

    public void Dispose()
    {
        _files.Dispose();
        _knowledge.Dispose();
    }
}
