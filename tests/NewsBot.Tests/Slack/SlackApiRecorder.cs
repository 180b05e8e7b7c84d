using System.Threading.Channels;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Newtonsoft.Json.Linq;

namespace NewsBot.Tests.Slack;

/// <summary>A stand-in for the Slack Web API on 127.0.0.1 that records every call and answers <c>ok: true</c>.</summary>
internal sealed class SlackApiRecorder : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<RecordedCall> _calls = Channel.CreateUnbounded<RecordedCall>();

    private SlackApiRecorder(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = string.Empty;

    public static async Task<SlackApiRecorder> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var recorder = new SlackApiRecorder(app);
        app.MapPost("/api/{method}", recorder.RecordAsync);
        await app.StartAsync();
        recorder.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/api/";
        return recorder;
    }

    public async Task<RecordedCall> NextCallAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        return await _calls.Reader.ReadAsync(cancel.Token);
    }

    public bool HasMoreCalls => _calls.Reader.TryPeek(out _);

    private async Task<IResult> RecordAsync(string method, HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = JObject.Parse(await reader.ReadToEndAsync());
        await _calls.Writer.WriteAsync(new RecordedCall(method, request.Headers.Authorization.ToString(), request.ContentType ?? string.Empty, body));
        return Results.Json(new { ok = true, ts = "1700000000.000100" });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    internal sealed record RecordedCall(string Method, string Authorization, string ContentType, JObject Body);
}
