using Microsoft.Extensions.Time.Testing;
using NewsBot.Collection;
using NewsBot.Health;
using NewsBot.Knowledge;

namespace NewsBot.Tests.Health;

public sealed class HealthEndpointsTests : IDisposable
{
    private readonly TestKnowledge _knowledge = new();

    [Fact]
    public async Task Report_Answers503_UntilTheFirstIndexBuildHasFinished()
    {
        using var knowledge = KnowledgeBase.Open(new KnowledgeOptions { Path = _knowledge.KnowledgePath, DataPath = _knowledge.DataPath, Semantic = false }, new FakeTimeProvider());
        var state = new CollectionState();

        var before = await ExecuteAsync(HealthEndpoints.Report(state, knowledge));
        knowledge.Sync();
        state.MarkReady();
        var after = await ExecuteAsync(HealthEndpoints.Report(state, knowledge));

        Assert.Equal(503, before.Status);
        Assert.Contains("\"status\":\"starting\"", before.Body);
        Assert.Equal(200, after.Status);
        Assert.Contains("\"articles\":3", after.Body);
    }

    [Fact]
    public async Task Report_SaysHowManyPassagesHaveTheirVectors_WhenSemanticRankingIsOn()
    {
        using var knowledge = KnowledgeBase.Open(new KnowledgeOptions { Path = _knowledge.KnowledgePath, DataPath = _knowledge.DataPath, Semantic = true, EmbeddingThreads = 2 }, new FakeTimeProvider());
        var state = new CollectionState();
        knowledge.Sync();
        await knowledge.WhenVectorsReadyAsync();
        state.MarkReady();

        var report = await ExecuteAsync(HealthEndpoints.Report(state, knowledge));

        var passages = knowledge.Stats.Passages;
        Assert.Contains($"\"semantic\":{{\"enabled\":true,\"model\":\"all-MiniLM-L6-v2\",\"vectorsReady\":{passages},\"vectorsTotal\":{passages},\"problem\":null}}", report.Body);
    }

    [Fact]
    public async Task Report_SaysSemanticRankingIsOff_WhenItIs()
    {
        using var knowledge = KnowledgeBase.Open(new KnowledgeOptions { Path = _knowledge.KnowledgePath, DataPath = _knowledge.DataPath, Semantic = false }, new FakeTimeProvider());
        var state = new CollectionState();
        knowledge.Sync();
        state.MarkReady();

        var report = await ExecuteAsync(HealthEndpoints.Report(state, knowledge));

        Assert.Contains("\"semantic\":{\"enabled\":false", report.Body);
    }

    private static async Task<(int Status, string Body)> ExecuteAsync(IResult result)
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        using var body = new MemoryStream();
        context.Response.Body = body;
        await result.ExecuteAsync(context);
        return (context.Response.StatusCode, System.Text.Encoding.UTF8.GetString(body.ToArray()));
    }

    public void Dispose() => _knowledge.Dispose();
}
