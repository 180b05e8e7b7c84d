using System.Threading.Channels;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Newtonsoft.Json.Linq;

namespace NewsBot.Tests.Slack;

/// <summary>
/// A stand-in for the Slack Web API on 127.0.0.1 that records every call and answers <c>ok: true</c>, or, when
/// told with <see cref="FailNext"/>, the next post to a channel with an error.
/// </summary>
internal sealed class SlackApiRecorder : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly Channel<RecordedCall> _calls = Channel.CreateUnbounded<RecordedCall>();
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, System.Collections.Concurrent.ConcurrentQueue<Func<IResult>>> _failures = new();

    private int _received;

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

    /// <summary>Calls that have reached the recorder, including those still waiting out <see cref="Delay"/>.</summary>
    public int Received => Volatile.Read(ref _received);

    /// <summary>How long each call takes to answer, as a slow Slack API would.</summary>
    public TimeSpan Delay { get; set; }

    /// <summary>The next call posting to <paramref name="channel"/> gets HTTP <paramref name="status"/>.</summary>
    public void FailNextWithStatus(string channel, int status) =>
        _failures.GetOrAdd(channel, _ => new()).Enqueue(() => Results.StatusCode(status));

    /// <summary>The next call posting to <paramref name="channel"/> gets HTTP 200 with <c>ok: false</c> and <paramref name="error"/>.</summary>
    public void FailNext(string channel, string error) =>
        _failures.GetOrAdd(channel, _ => new()).Enqueue(() => Results.Json(new { ok = false, error }));

    /// <summary>The next call posting to <paramref name="channel"/> gets HTTP 429 with <c>Retry-After</c>.</summary>
    public void RateLimitNext(string channel, TimeSpan retryAfter) =>
        _failures.GetOrAdd(channel, _ => new()).Enqueue(() => new RateLimited(retryAfter));

    private async Task<IResult> RecordAsync(string method, HttpRequest request)
    {
        Interlocked.Increment(ref _received);
        using var reader = new StreamReader(request.Body);
        var body = JObject.Parse(await reader.ReadToEndAsync());
        // The answer is chosen before the call is recorded, so a failure queued after a test saw this call is for the next one.
        var failure = body.Value<string>("channel") is { } channel && _failures.TryGetValue(channel, out var failures) && failures.TryDequeue(out var next) ? next : null;
        if (Delay > TimeSpan.Zero)
        {
            await Task.Delay(Delay);
        }

        await _calls.Writer.WriteAsync(new RecordedCall(method, request.Headers.Authorization.ToString(), request.ContentType ?? string.Empty, body));
        return failure?.Invoke() ?? Results.Json(new { ok = true, ts = "1700000000.000100" });
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private sealed class RateLimited(TimeSpan retryAfter) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            httpContext.Response.Headers.RetryAfter = ((int)retryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Task.CompletedTask;
        }
    }

    internal sealed record RecordedCall(string Method, string Authorization, string ContentType, JObject Body);
}
