using System.Threading.Channels;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Newtonsoft.Json.Linq;

namespace NewsBot.Tests.Http;

/// <summary>
/// A stand-in for the Bot Connector service on 127.0.0.1: the bot's replies are posted here (the activity's
/// serviceUrl) over real HTTP, and the test reads them back.
/// </summary>
internal sealed class CaptureConnector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<JObject> _replies = Channel.CreateUnbounded<JObject>();

    private CaptureConnector(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = string.Empty;

    public static async Task<CaptureConnector> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var connector = new CaptureConnector(app);
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", connector.CaptureAsync);
        app.MapPost("/v3/conversations/{conversationId}/activities", connector.CaptureAsync);
        await app.StartAsync();
        connector.ServiceUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
        return connector;
    }

    /// <summary>The next reply the bot sent, or a failure after <paramref name="timeout"/>.</summary>
    public async Task<JObject> NextReplyAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        return await _replies.Reader.ReadAsync(cancel.Token);
    }

    private async Task<IResult> CaptureAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var activity = JObject.Parse(await reader.ReadToEndAsync());
        await _replies.Writer.WriteAsync(activity);
        return Results.Json(new { id = Guid.NewGuid().ToString("N") });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
