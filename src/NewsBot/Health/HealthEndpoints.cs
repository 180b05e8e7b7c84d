using NewsBot.Collection;
using NewsBot.Knowledge;

namespace NewsBot.Health;

/// <summary><c>GET /healthz</c>: 200 with the collection's size and last sync; 503 until the first index build ends.</summary>
public static class HealthEndpoints
{
    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapGet("/healthz", Report);
        return app;
    }

    internal static IResult Report(CollectionState state, IKnowledgeBase knowledge)
    {
        var stats = knowledge.Stats;
        var body = new
        {
            status = state.IsReady ? "ok" : "starting",
            articles = stats.Articles,
            passages = stats.Passages,
            lastSync = stats.LastSync,
            semantic = stats.Vectors is { } vectors
                ? new { enabled = true, model = (string?)vectors.Model, vectorsReady = vectors.Ready, vectorsTotal = vectors.Total, problem = vectors.Problem }
                : new { enabled = false, model = (string?)null, vectorsReady = 0, vectorsTotal = 0, problem = (string?)null },
        };
        return state.IsReady ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }
}
