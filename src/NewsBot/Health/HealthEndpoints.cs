using NewsBot.Collection;
using NewsBot.Knowledge;
using NewsBot.Storage;

namespace NewsBot.Health;

/// <summary>
/// Health for people and for orchestrators:
/// <list type="bullet">
/// <item><c>GET /healthz/live</c>: 200 while the process serves requests (restart it when this fails);</item>
/// <item><c>GET /healthz/ready</c>: 200 when the index is loaded, the database answers and its schema is current, else
/// 503 with the reasons (send it no traffic until then);</item>
/// <item><c>GET /healthz</c>: the collection's size, last sync, vectors and the database's state; 503 until the first
/// index build ends.</item>
/// </list>
/// </summary>
public static class HealthEndpoints
{
    /// <summary>How long a health check waits for the database before calling it unreachable.</summary>
    internal static readonly TimeSpan DatabaseTimeout = TimeSpan.FromSeconds(2);

    public static WebApplication MapHealth(this WebApplication app)
    {
        app.MapGet("/healthz", ReportAsync);
        app.MapGet("/healthz/live", () => Results.Ok(new { status = "live" }));
        app.MapGet("/healthz/ready", ReadyAsync);
        return app;
    }

    internal static async Task<IResult> ReportAsync(CollectionState state, IKnowledgeBase knowledge, IBotDatabase database, TimeProvider time, CancellationToken cancellationToken)
    {
        var stats = knowledge.Stats;
        var db = await CheckAsync(database, time, cancellationToken).ConfigureAwait(false);
        var body = new
        {
            status = state.IsReady ? "ok" : "starting",
            articles = stats.Articles,
            passages = stats.Passages,
            lastSync = stats.LastSync,
            semantic = stats.Vectors is { } vectors
                ? new { enabled = true, model = (string?)vectors.Model, vectorsReady = vectors.Ready, vectorsTotal = vectors.Total, problem = vectors.Problem }
                : new { enabled = false, model = (string?)null, vectorsReady = 0, vectorsTotal = 0, problem = (string?)null },
            database = Describe(db),
        };
        return state.IsReady ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    internal static async Task<IResult> ReadyAsync(CollectionState state, IBotDatabase database, TimeProvider time, CancellationToken cancellationToken)
    {
        var db = await CheckAsync(database, time, cancellationToken).ConfigureAwait(false);
        var reasons = new List<string>();
        if (!state.IsReady)
        {
            reasons.Add("the index is still being built");
        }

        if (!db.IsReady)
        {
            reasons.Add($"the database is not ready: {db.Problem ?? "unknown"}");
        }

        var body = new { status = reasons.Count == 0 ? "ready" : "not ready", reasons, database = Describe(db) };
        return reasons.Count == 0 ? Results.Ok(body) : Results.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<DatabaseState> CheckAsync(IBotDatabase database, TimeProvider time, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(DatabaseTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        return await database.CheckAsync(linked.Token).ConfigureAwait(false);
    }

    private static object Describe(DatabaseState db) => new
    {
        provider = db.Provider.ToString().ToLowerInvariant(),
        reachable = db.Reachable,
        schemaVersion = db.SchemaVersion,
        expectedVersion = db.ExpectedVersion,
        ready = db.IsReady,
        problem = db.Problem,
    };
}
