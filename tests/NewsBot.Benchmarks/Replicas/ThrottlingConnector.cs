using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsBot.Digests;

namespace NewsBot.Benchmarks.Replicas;

/// <summary>
/// The Bot Connector service on 127.0.0.1 for the replica test. Replies to turns complete the turn that asked. Digests
/// (posts carrying <see cref="DigestMessage.Heading"/>) take 50 ms, and every tenth digest post is answered 429 with
/// Retry-After: 1 once <see cref="Throttle"/> is on; each accepted digest is recorded with its time and conversation.
/// </summary>
internal sealed class ThrottlingConnector : IAsyncDisposable
{
    public static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(50);

    private readonly ConcurrentDictionary<string, TaskCompletionSource<string>> _turns = new(StringComparer.Ordinal);
    private WebApplication? _app;
    private long _digestPosts;
    private int _tooManyRequests;
    private int _otherMessages;

    public string ServiceUrl { get; private set; } = string.Empty;

    public bool Throttle { get; set; }

    /// <summary>Every digest accepted: conversation and when (Stopwatch timestamp).</summary>
    public ConcurrentQueue<(string Conversation, long At)> Digests { get; } = new();

    public long DigestPosts => Interlocked.Read(ref _digestPosts);

    public int TooManyRequests => _tooManyRequests;

    /// <summary>Messages outside a turn that are not digests (the turn error handler's "sorry", say).</summary>
    public int OtherMessages => _otherMessages;

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, string activityId, HttpContext context) => PostAsync(conversationId, activityId, context));
        _app.MapPost("/v3/conversations/{conversationId}/activities", (string conversationId, HttpContext context) => PostAsync(conversationId, null, context));
        await _app.StartAsync();
        ServiceUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";
    }

    /// <summary>Completes with the reply's text when the bot answers activity <paramref name="activityId"/>.</summary>
    public Task<string> ReplyTo(string activityId) =>
        _turns.GetOrAdd(activityId, _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    private async Task<IResult> PostAsync(string conversationId, string? replyTo, HttpContext context)
    {
        string body;
        using (var reader = new StreamReader(context.Request.Body))
        {
            body = await reader.ReadToEndAsync();
        }

        // A digest is posted as a reply to the continuation activity of its proactive turn, so it is told by its text.
        if (!body.Contains(DigestMessage.Heading, StringComparison.Ordinal))
        {
            if (replyTo is not null)
            {
                _turns.GetOrAdd(replyTo, _ => new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult(body);
            }
            else
            {
                Interlocked.Increment(ref _otherMessages);
            }

            return Accepted();
        }

        await Task.Delay(Latency);
        var post = Interlocked.Increment(ref _digestPosts);
        if (Throttle && post % 10 == 0)
        {
            Interlocked.Increment(ref _tooManyRequests);
            context.Response.Headers.RetryAfter = "1";
            return Results.StatusCode(StatusCodes.Status429TooManyRequests);
        }

        Digests.Enqueue((conversationId, System.Diagnostics.Stopwatch.GetTimestamp()));
        return Accepted();
    }

    private static IResult Accepted() => Results.Json(new { id = Guid.NewGuid().ToString("N") });
}
