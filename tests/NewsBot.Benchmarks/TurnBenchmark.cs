using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsBot.Collection;
using NewsBot.Hosting;
using NewsBot.Knowledge.Evaluation;
using Newtonsoft.Json.Linq;

namespace NewsBot.Benchmarks;

/// <summary>
/// Whole turns through the bot on loopback: an Activity posted to /api/messages until the reply arrives at a
/// local connector that answers like the Bot Connector service. Reports the median and p99 of sequential
/// turns, then turns per second with 32 conversations at once. Bot state is in SQLite, or with <c>postgres</c> in a
/// database of a throwaway PostgreSQL 15 (or of <c>NEWSBOT_BENCH_POSTGRES</c>), to compare the two.
/// <c>dotnet run -c Release --project tests/NewsBot.Benchmarks -- turns KNOWLEDGE QUESTIONS [sqlite|postgres]</c>.
/// </summary>
internal static class TurnBenchmark
{
    private const int WarmupTurns = 50;
    private const int SequentialTurns = 500;
    private const int Conversations = 32;
    private const int TurnsPerConversation = 40;

    public static async Task<int> RunAsync(string knowledge, string questionsFile, string storage = "sqlite")
    {
        await using var postgres = storage == "postgres" ? await PostgresCluster.StartAsync(Console.Out) : null;
        string[] storageArgs = postgres is null ? [] : ["--Storage:Provider=Postgres", $"--ConnectionStrings:NewsBot={await postgres.CreateDatabaseAsync("newsbot_turns")}"];
        Console.WriteLine($"bot state in {(postgres is null ? "SQLite" : "PostgreSQL")}");
        var questions = GoldenQuestion.Load(questionsFile).Select(q => q.Question).ToArray();
        var data = Directory.CreateTempSubdirectory("newsbot-turns-");

        // A copy of the collection, so that the live-reload measurement can add files to it.
        var folder = Path.Combine(data.FullName, "knowledge");
        foreach (var file in Directory.EnumerateFiles(knowledge, "*.md", SearchOption.AllDirectories))
        {
            var target = Path.Combine(folder, Path.GetRelativePath(knowledge, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        knowledge = folder;
        var pending = new ConcurrentDictionary<string, TaskCompletionSource>(StringComparer.Ordinal);
        await using var connector = await StartConnectorAsync(pending);
        await using var bot = NewsBotHost.Build(["--urls", "http://127.0.0.1:0", "--knowledge", knowledge, "--data", data.FullName, "--Logging:LogLevel:Default=Warning", .. storageArgs]);
        await bot.StartAsync();
        await bot.Services.GetRequiredService<CollectionState>().Ready;
        var botUrl = new Uri(Address(bot) + "/api/messages");
        var serviceUrl = Address(connector) + "/";
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 });

        async Task<double> TurnAsync(string conversation, string text)
        {
            var id = Guid.NewGuid().ToString("N");
            var replied = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            pending[id] = replied;
            var activity = new JObject
            {
                ["type"] = "message", ["id"] = id, ["channelId"] = "webchat", ["serviceUrl"] = serviceUrl, ["text"] = text,
                ["from"] = new JObject { ["id"] = "user-" + conversation }, ["recipient"] = new JObject { ["id"] = "newsbot" },
                ["conversation"] = new JObject { ["id"] = conversation },
            };
            var clock = Stopwatch.StartNew();
            using var content = new StringContent(activity.ToString(Newtonsoft.Json.Formatting.None), Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(botUrl, content);
            response.EnsureSuccessStatusCode();
            await replied.Task.WaitAsync(TimeSpan.FromSeconds(30));
            return clock.Elapsed.TotalMilliseconds;
        }

        for (var i = 0; i < WarmupTurns; i++)
        {
            await TurnAsync("warmup", questions[i % questions.Length]);
        }

        // Where a turn's time goes: the answer itself and one question-log write, timed alone.
        var knowledgeBase = bot.Services.GetRequiredService<NewsBot.Knowledge.IKnowledgeBase>();
        var log = bot.Services.GetRequiredService<NewsBot.Storage.IQuestionLog>();
        var asks = new List<double>();
        var writes = new List<double>();
        for (var i = 0; i < 200; i++)
        {
            var clock = Stopwatch.StartNew();
            knowledgeBase.Ask(questions[i % questions.Length]);
            asks.Add(clock.Elapsed.TotalMilliseconds);
            clock.Restart();
            await log.RecordAsync(new NewsBot.Storage.QuestionRecord(DateTimeOffset.UnixEpoch, "bench", "bench", "q", true, null, 1), CancellationToken.None);
            writes.Add(clock.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Ask alone: median {Percentile(asks, 50):F2} ms, p99 {Percentile(asks, 99):F2} ms; question-log write: median {Percentile(writes, 50):F2} ms, p99 {Percentile(writes, 99):F2} ms"));

        var sequential = new List<double>();
        for (var i = 0; i < SequentialTurns; i++)
        {
            sequential.Add(await TurnAsync("sequential", questions[i % questions.Length]));
        }

        var concurrent = new ConcurrentBag<double>();
        var wall = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, Conversations).Select(c => Task.Run(async () =>
        {
            for (var i = 0; i < TurnsPerConversation; i++)
            {
                concurrent.Add(await TurnAsync($"concurrent-{c}", questions[(c * 7 + i) % questions.Length]));
            }
        })));
        wall.Stop();

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Sequential turns ({SequentialTurns}): median {Percentile(sequential, 50):F2} ms, p99 {Percentile(sequential, 99):F2} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Conversations} concurrent conversations x {TurnsPerConversation} turns: {concurrent.Count / wall.Elapsed.TotalSeconds:F0} turns/s; median {Percentile(concurrent, 50):F2} ms, p99 {Percentile(concurrent, 99):F2} ms per turn"));
        // Live knowledge: from writing a new article to the running bot answering with it.
        var reloads = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var url = $"https://example.com/live-reload/{i}";
            var clock = Stopwatch.StartNew();
            await File.WriteAllTextAsync(Path.Combine(folder, $"live-{i}.md"), $"---\ntitle: \"Zorblax{i} model released\"\nurl: {url}\npublished: 2026-11-26\n---\nThe Zorblax{i} model was released today with a new licence for commercial use.\n");
            while (!(knowledgeBase.Ask($"Is Zorblax{i} licensed for commercial use?") is { Answered: true } answer && answer.Results[0].Article.Url.AbsoluteUri == url))
            {
                await Task.Delay(10);
            }

            reloads.Add(clock.Elapsed.TotalMilliseconds);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"New article answerable after: median {Percentile(reloads, 50):F0} ms, max {reloads.Max():F0} ms (5 files)"));
        await bot.StopAsync();
        await bot.DisposeAsync();
        data.Delete(recursive: true);
        return 0;
    }

    private static async Task<WebApplication> StartConnectorAsync(ConcurrentDictionary<string, TaskCompletionSource> pending)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/v3/conversations/{conversationId}/activities/{activityId}", async (string activityId, HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body);
            await reader.ReadToEndAsync();
            if (pending.TryRemove(activityId, out var replied))
            {
                replied.TrySetResult();
            }

            return Results.Json(new { id = Guid.NewGuid().ToString("N") });
        });
        await app.StartAsync();
        return app;
    }

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    private static double Percentile(IEnumerable<double> values, int percentile)
    {
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
    }
}
