using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsBot.Collection;
using NewsBot.Digests;
using NewsBot.Hosting;
using NewsBot.Knowledge;
using NewsBot.Knowledge.Digests;

namespace NewsBot.Benchmarks;

/// <summary>
/// Composes and delivers the digest to N subscribed conversations (default 1,000) through the real host's
/// delivery pass, adapter and HTTP, against a local connector that answers like Teams: ~50 ms per post, 429 with
/// Retry-After on the first post to every 20th conversation, and 429 whenever the app exceeds 50 posts a second.
/// Reports the time until every conversation has its digest and checks each got exactly one.
/// <c>dotnet run -c Release --project tests/NewsBot.Benchmarks -- digest-delivery KNOWLEDGE [N] [MESSAGES_PER_SECOND]</c>.
/// </summary>
internal static class DigestDeliveryBenchmark
{
    private const int AppLimitPerSecond = 50;
    private static readonly TimeSpan Latency = TimeSpan.FromMilliseconds(50);

    public static async Task<int> RunAsync(string knowledge, int conversations, double perSecond)
    {
        var data = Directory.CreateTempSubdirectory("newsbot-digests-");
        var connector = new TeamsLikeConnector();
        await using var connectorApp = await connector.StartAsync();
        await using var bot = NewsBotHost.Build([
            "--urls", "http://127.0.0.1:0", "--knowledge", knowledge, "--data", data.FullName,
            "--Logging:LogLevel:Default=Warning", "--Digests:PollInterval=01:00:00",
            "--Digests:RetryDelay=00:00:01",
            string.Create(CultureInfo.InvariantCulture, $"--Digests:MessagesPerSecond={perSecond}"),
        ]);
        await bot.StartAsync();
        await bot.Services.GetRequiredService<CollectionState>().Ready;
        var store = bot.Services.GetRequiredService<IDigestSubscriptions>();
        var delivery = bot.Services.GetRequiredService<DigestDelivery>();
        var serviceUrl = Address(connectorApp) + "/";

        var now = TimeProvider.System.GetUtcNow();
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        for (var i = 0; i < conversations; i++)
        {
            var reference = new ConversationReference
            {
                ChannelId = "msteams",
                ServiceUrl = serviceUrl,
                Conversation = new ConversationAccount { Id = $"c{i}", ConversationType = "channel" },
                Bot = new ChannelAccount { Id = "newsbot", Name = "NewsBot" },
            };
            var subscription = DigestSubscription.New($"msteams:c{i}", "msteams", Newtonsoft.Json.JsonConvert.SerializeObject(reference), new TimeOnly(9, 0), "Europe/Berlin", berlin, now);
            await store.SaveAsync(subscription with { NextDelivery = now }, CancellationToken.None);
        }

        // Composition alone, for the same windows.
        var knowledgeBase = bot.Services.GetRequiredService<IKnowledgeBase>();
        var compose = Stopwatch.StartNew();
        var items = 0;
        for (var i = 0; i < conversations; i++)
        {
            items += DigestComposer.Compose(knowledgeBase, now.AddHours(-24), now).Items.Count();
        }

        compose.Stop();

        var clock = Stopwatch.StartNew();
        var passes = 0;
        while (true)
        {
            var pass = await delivery.DeliverDueAsync(CancellationToken.None);
            passes++;
            Console.WriteLine($"pass {passes} at {clock.Elapsed.TotalSeconds:F1} s: {pass}");
            var next = await store.NextDueAsync(CancellationToken.None);
            var wait = next is { } due ? due - TimeProvider.System.GetUtcNow() : TimeSpan.MaxValue;
            if (wait > TimeSpan.FromMinutes(30))
            {
                break;
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
        }

        clock.Stop();
        var delivered = Enumerable.Range(0, conversations).Select(i => connector.Accepted.GetValueOrDefault($"c{i}")).ToList();
        Console.WriteLine();
        Console.WriteLine($"conversations:           {conversations}");
        Console.WriteLine($"articles in the window:  {knowledgeBase.ArticlesSeenSince(now.AddHours(-24), now).Count} ({items / Math.Max(conversations, 1)} shown per digest)");
        Console.WriteLine($"pacing:                  {perSecond} messages/s (0: none), connector latency {Latency.TotalMilliseconds} ms, app limit {AppLimitPerSecond}/s");
        Console.WriteLine($"compose only:            {compose.Elapsed.TotalMilliseconds:F0} ms for {conversations} digests ({compose.Elapsed.TotalMilliseconds * 1000 / Math.Max(conversations, 1):F0} µs each)");
        Console.WriteLine($"compose and deliver:     {clock.Elapsed.TotalSeconds:F1} s in {passes} passes ({conversations / clock.Elapsed.TotalSeconds:F1} conversations/s)");
        Console.WriteLine($"429s served:             {connector.TooManyRequests} ({connector.FirstPostRefusals} planned, {connector.TooManyRequests - connector.FirstPostRefusals} over the app limit)");
        Console.WriteLine($"exactly one digest:      {delivered.Count(c => c == 1)} of {conversations}; none: {delivered.Count(c => c == 0)}; more than one: {delivered.Count(c => c > 1)}; other messages: {connector.OtherMessages}");
        await bot.StopAsync();
        return delivered.All(c => c == 1) && connector.OtherMessages == 0 ? 0 : 1;
    }

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    /// <summary>Answers posts like Teams' connector: slow-ish, with 429s for a planned few and for bursts over the app limit.</summary>
    private sealed class TeamsLikeConnector
    {
        private readonly Queue<long> _recent = new();
        private readonly ConcurrentDictionary<string, int> _posts = new(StringComparer.Ordinal);
        private int _tooManyRequests;
        private int _firstPostRefusals;
        private int _otherMessages;

        public ConcurrentDictionary<string, int> Accepted { get; } = new(StringComparer.Ordinal);

        public int TooManyRequests => _tooManyRequests;

        public int FirstPostRefusals => _firstPostRefusals;

        public int OtherMessages => _otherMessages;

        public async Task<WebApplication> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", (string conversationId, HttpContext context) => PostAsync(conversationId, context));
            app.MapPost("/v3/conversations/{conversationId}/activities", (string conversationId, HttpContext context) => PostAsync(conversationId, context));
            await app.StartAsync();
            return app;
        }

        private async Task<IResult> PostAsync(string conversationId, HttpContext context)
        {
            string body;
            using (var reader = new StreamReader(context.Request.Body))
            {
                body = await reader.ReadToEndAsync();
            }

            await Task.Delay(Latency);
            var attempt = _posts.AddOrUpdate(conversationId, 1, (_, n) => n + 1);
            var planned = attempt == 1 && int.Parse(conversationId[1..], CultureInfo.InvariantCulture) % 20 == 0;
            if (planned || OverAppLimit())
            {
                Interlocked.Increment(ref _tooManyRequests);
                if (planned)
                {
                    Interlocked.Increment(ref _firstPostRefusals);
                }

                context.Response.Headers.RetryAfter = "2";
                return Results.StatusCode(StatusCodes.Status429TooManyRequests);
            }

            if (body.Contains(DigestMessage.Heading, StringComparison.Ordinal))
            {
                Accepted.AddOrUpdate(conversationId, 1, (_, n) => n + 1);
            }
            else
            {
                Interlocked.Increment(ref _otherMessages);
            }

            return Results.Json(new { id = Guid.NewGuid().ToString("N") });
        }

        private bool OverAppLimit()
        {
            var now = Stopwatch.GetTimestamp();
            lock (_recent)
            {
                while (_recent.Count > 0 && Stopwatch.GetElapsedTime(_recent.Peek(), now) > TimeSpan.FromSeconds(1))
                {
                    _recent.Dequeue();
                }

                if (_recent.Count >= AppLimitPerSecond)
                {
                    return true;
                }

                _recent.Enqueue(now);
                return false;
            }
        }
    }
}
