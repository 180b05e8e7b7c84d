using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Newtonsoft.Json.Linq;

namespace NewsBot.Benchmarks.Replicas;

/// <summary>
/// The Slack Web API on 127.0.0.1 for the Slack replica test: every <c>chat.postMessage</c> is recorded the moment it
/// arrives (Slack has the message then, whether or not its sender lives to read the answer), with the thread it answers,
/// the bot token that sent it (each replica has its own) and when; it is answered <c>ok: true</c> after
/// <see cref="Latency"/>, as a busy Slack would.
/// </summary>
internal sealed class SlackSink : IAsyncDisposable
{
    public static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(200);

    private WebApplication? _app;

    public string BaseUrl { get; private set; } = string.Empty;

    /// <summary>Every post: the thread it answers, the token that sent it, when (Stopwatch timestamp).</summary>
    public ConcurrentQueue<(string Thread, string Token, long At)> Posts { get; } = new();

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/api/chat.postMessage", (HttpRequest request) => PostAsync(request));
        await _app.StartAsync();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/api/";
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task<IResult> PostAsync(HttpRequest request)
    {
        using var reader = new StreamReader(request.Body);
        var body = JObject.Parse(await reader.ReadToEndAsync());
        var token = request.Headers.Authorization.ToString().Replace("Bearer ", string.Empty, StringComparison.Ordinal);
        Posts.Enqueue((body.Value<string>("thread_ts") ?? "?", token, System.Diagnostics.Stopwatch.GetTimestamp()));
        await Task.Delay(Latency);
        return Results.Json(new { ok = true, ts = "1700000000.000100" });
    }
}
