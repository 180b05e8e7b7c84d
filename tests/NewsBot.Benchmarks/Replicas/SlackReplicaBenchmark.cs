using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using NewsBot.Slack;
using Newtonsoft.Json.Linq;
using Npgsql;

namespace NewsBot.Benchmarks.Replicas;

/// <summary>
/// The Slack replica test: three published bot processes on 127.0.0.1 against one PostgreSQL database, answering Slack
/// events through a loopback Slack API (<see cref="SlackSink"/>) that takes 200 ms per post, so questions queue up.
/// First a few events one at a time (how long to the acknowledgement and to the answer), then N events (default 300)
/// round-robin at 50 a second, as Slack sends them (503 is retried, a connection that fails is sent to another replica,
/// as a load balancer would); one replica is killed with SIGKILL while it holds acknowledged, unanswered questions, and
/// started again 3 s later.
/// Reports lost answers (an acknowledged event never answered) and duplicates, and explains each duplicate.
/// <c>dotnet run -c Release --project tests/NewsBot.Benchmarks -- slack-replicas KNOWLEDGE [N]</c>.
/// </summary>
internal static class SlackReplicaBenchmark
{
    private const int Replicas = 3;
    private const int Victim = 1;
    private const int Sequential = 20;
    private const int EventsPerSecond = 50;
    private const string SigningSecret = "slack-replica-test-secret";
    private static readonly TimeSpan ReplyLease = TimeSpan.FromSeconds(15);
    private static readonly string[] Questions = ["Is Phi-2 licensed for commercial use?", "latest 1", "What did Meta release?", "Who makes Gemini?"];

    public static async Task<int> RunAsync(string knowledge, int events)
    {
        var work = Directory.CreateTempSubdirectory("newsbot-slack-replicas-");
        Console.WriteLine($"working in {work.FullName}");
        await using var cluster = await PostgresCluster.StartAsync(Console.Out);
        var connectionString = await cluster.CreateDatabaseAsync("newsbot_slack_replicas");
        var dll = PublishedBot.Publish(work.FullName);
        var shared = PublishedBot.CopyKnowledge(knowledge, Path.Combine(work.FullName, "knowledge"));
        await using var slack = new SlackSink();
        await slack.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { Timeout = TimeSpan.FromSeconds(30) };

        var replicas = new ReplicaSet(Replicas, dll, work.FullName, shared, connectionString, i => new Dictionary<string, string>
        {
            ["Slack__SigningSecret"] = SigningSecret,
            // One token per replica, so the Slack API can tell who posted.
            ["Slack__BotToken"] = Token(i),
            ["Slack__ApiBaseUrl"] = slack.BaseUrl,
            ["Slack__MaxConcurrentReplies"] = "2",
            ["Slack__ReplyLease"] = ReplyLease.ToString(),
            ["Slack__ReplySweepInterval"] = "00:00:01",
            ["Slack__RetryDelay"] = "00:00:00.200",
            ["Slack__MaxRetryDelay"] = "00:00:02",
            ["Logging__LogLevel__NewsBot.Slack"] = "Information",
        });
        try
        {
            await replicas.StartAsync(http);

            // Time from the event to its acknowledgement and to its answer reaching Slack, nothing else queued.
            var acks = new List<double>();
            var answers = new List<double>();
            for (var i = 0; i < Sequential; i++)
            {
                var thread = Ts(1_000_000 + i);
                var sent = Stopwatch.GetTimestamp();
                var status = await SendAsync(http, replicas[i % Replicas], $"EvWarm{i}", thread, Questions[i % Questions.Length]);
                acks.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                if (status != HttpStatusCode.OK)
                {
                    throw new InvalidOperationException($"event {i} got {status}");
                }

                while (!slack.Posts.Any(p => p.Thread == thread))
                {
                    await Task.Delay(2);
                }

                answers.Add(Stopwatch.GetElapsedTime(sent, slack.Posts.First(p => p.Thread == thread).At).TotalMilliseconds);
            }

            acks.Sort();
            answers.Sort();
            Console.WriteLine($"one event at a time ({Sequential}): acknowledged in median {acks[Sequential / 2]:F1} ms (max {acks[^1]:F0}), answer at Slack median {answers[Sequential / 2]:F0} ms (max {answers[^1]:F0}) after the event was sent");

            // The burst, Slack sending EventsPerSecond; the SIGKILL once the victim has acknowledged a twelfth of them.
            var acked = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
            var busy = 0;
            var resent = 0;
            var victim = replicas[Victim];
            var killed = new TaskCompletionSource<(long At, int Pid, HashSet<string> Held)>(TaskCreationOptions.RunContinuationsAsynchronously);
            var burst = Stopwatch.StartNew();
            var killer = Task.Run(async () =>
            {
                while (acked.Count(a => a.Value == victim.Name) < events / (Replicas * 4))
                {
                    await Task.Delay(5);
                }

                var pid = victim.ProcessId;
                var held = await HeldByAsync(connectionString, pid);
                var at = Stopwatch.GetTimestamp();
                victim.Kill();
                killed.SetResult((at, pid, held));
                Console.WriteLine($"{burst.Elapsed.TotalSeconds:F1} s: SIGKILL {victim.Name} (pid {pid}) with {acked.Count} events acknowledged, {acked.Count(a => a.Value == victim.Name)} by it; it held {held.Count} unanswered");
                await Task.Delay(TimeSpan.FromSeconds(3));
                await victim.StartAsync(http, TimeSpan.FromMinutes(2));
                Console.WriteLine($"{burst.Elapsed.TotalSeconds:F1} s: {victim.Name} started again (pid {victim.ProcessId})");
            });

            var sending = new List<Task>();
            for (var i = 0; i < events; i++)
            {
                var index = i;
                sending.Add(Task.Run(async () =>
                {
                    var target = index % Replicas;
                    for (var attempt = 0; attempt < 100; attempt++)
                    {
                        var replica = replicas[target];
                        HttpStatusCode status;
                        try
                        {
                            status = await SendAsync(http, replica, $"EvBurst{index}", Ts(index), Questions[index % Questions.Length]);
                        }
                        catch (HttpRequestException)
                        {
                            // The replica is gone: Slack times out and retries, and the load balancer picks another.
                            Interlocked.Increment(ref resent);
                            target = (target + 1) % Replicas;
                            continue;
                        }

                        if (status == HttpStatusCode.OK)
                        {
                            acked.TryAdd(Ts(index), replica.Name);
                            return;
                        }

                        Interlocked.Increment(ref busy);
                        await Task.Delay(TimeSpan.FromSeconds(1));
                    }

                    throw new InvalidOperationException($"event {index} was never acknowledged");
                }));
                await Task.Delay(TimeSpan.FromSeconds(1.0 / EventsPerSecond));
            }

            await Task.WhenAll(sending);
            Console.WriteLine($"{burst.Elapsed.TotalSeconds:F1} s: all {events} events acknowledged ({busy} answered 503 first, {resent} sent to another replica after a failed connection)");
            await killer;
            var (killedAt, victimPid, heldAtKill) = await killed.Task;

            // Until every acknowledged event has its answer, then a lease more, for late duplicates.
            var deadline = TimeSpan.FromMinutes(5);
            while (Answered(slack, acked.Keys) < acked.Count && burst.Elapsed < deadline)
            {
                await Task.Delay(100);
            }

            var allAnswered = burst.Elapsed;
            await Task.Delay(ReplyLease + TimeSpan.FromSeconds(5));

            var posts = slack.Posts.ToList();
            var counts = posts.GroupBy(p => p.Thread, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            var burstThreads = Enumerable.Range(0, events).Select(Ts).ToList();
            var lost = burstThreads.Where(t => !counts.ContainsKey(t)).ToList();
            var duplicates = burstThreads.Where(t => counts.TryGetValue(t, out var p) && p.Count > 1).ToList();
            // The killed process posted nothing after its death but what was already on the wire: later posts are the
            // other replicas' or the restarted process's (which has the same token).
            var afterDeath = killedAt + Stopwatch.Frequency;
            var takenOver = heldAtKill.Where(t => counts.TryGetValue(t, out var p) && p.Any(x => x.At > afterDeath)).ToList();
            var lastTakeover = takenOver.Count == 0 ? 0 : takenOver.Max(t => Stopwatch.GetElapsedTime(killedAt, counts[t].Where(x => x.At > afterDeath).Min(x => x.At)).TotalSeconds);
            var victimToken = Token(Victim);

            Console.WriteLine();
            Console.WriteLine($"events:                     {events}, acknowledged {acked.Count}");
            Console.WriteLine($"answered:                   {events - lost.Count} ({(lost.Count == 0 ? "every one" : $"{lost.Count} lost")}), all within {allAnswered.TotalSeconds:F1} s of the first");
            Console.WriteLine($"exactly one answer:         {counts.Count(c => burstThreads.Contains(c.Key) && c.Value.Count == 1)}; more than one: {duplicates.Count}");
            Console.WriteLine($"held by {victim.Name} just before the kill: {heldAtKill.Count}; answered after its death by the others or its restarted process: {takenOver.Count}, the last {lastTakeover:F1} s after the SIGKILL (lease {ReplyLease.TotalSeconds:F0} s); posted by it before it died: {heldAtKill.Count(t => counts.TryGetValue(t, out var p) && p.Any(x => x.At <= afterDeath))}");
            foreach (var thread in duplicates)
            {
                var beforeDeath = counts[thread].Where(p => p.Token == victimToken && p.At <= afterDeath).ToList();
                var why = beforeDeath.Count > 0 && heldAtKill.Contains(thread)
                    ? $"{victim.Name}'s post reached Slack {FromKill(killedAt, beforeDeath[0].At)} the SIGKILL; the process died before it had Slack's answer ({SlackSink.Latency.TotalMilliseconds:F0} ms after the post) and deleted the question, so another replica posted it again once the lease expired"
                    : "not a post of the killed process: a post that outlived its lease (see the replicas' log event 93)";
                Console.WriteLine($"  duplicate {thread}: {counts[thread].Count} answers; {why}");
            }

            foreach (var group in posts.GroupBy(p => p.Token).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                Console.WriteLine($"{group.Key}: {group.Count()} posts");
            }

            Console.WriteLine($"still in slack_replies: {await ScalarAsync(connectionString, "SELECT count(*) FROM slack_replies")}; victim pid {victimPid}");
            return lost.Count == 0 ? 0 : 1;
        }
        finally
        {
            replicas.Dispose();
            foreach (var folder in Directory.EnumerateDirectories(work.FullName))
            {
                Directory.Delete(folder, recursive: true);
            }

            Console.WriteLine($"replica logs: {work.FullName}/replica-*.log");
        }
    }

    private static string Token(int replica) => string.Create(CultureInfo.InvariantCulture, $"xoxb-replica-{replica}");

    private static string Ts(int i) => string.Create(CultureInfo.InvariantCulture, $"1700000000.{i:D7}");

    private static string FromKill(long killedAt, long at)
    {
        var ms = Stopwatch.GetElapsedTime(killedAt, at).TotalMilliseconds;
        return ms >= 0 ? $"{ms:F0} ms after" : $"{-ms:F0} ms before";
    }

    private static int Answered(SlackSink slack, ICollection<string> threads)
    {
        var posted = slack.Posts.Select(p => p.Thread).ToHashSet(StringComparer.Ordinal);
        return threads.Count(posted.Contains);
    }

    /// <summary>One app_mention event, signed as Slack signs it, to a replica's <c>/api/slack</c>.</summary>
    private static async Task<HttpStatusCode> SendAsync(HttpClient http, ReplicaProcess replica, string eventId, string ts, string question)
    {
        var body = new JObject
        {
            ["type"] = "event_callback",
            ["team_id"] = "T1",
            ["event_id"] = eventId,
            ["authorizations"] = new JArray { new JObject { ["user_id"] = "UBOT", ["is_bot"] = true } },
            ["event"] = new JObject { ["type"] = "app_mention", ["user"] = "UASKER", ["text"] = "<@UBOT> " + question, ["ts"] = ts, ["channel"] = "C" + ts[^2..] },
        }.ToString(Newtonsoft.Json.Formatting.None);
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(replica.Url, "api/slack")) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(SlackSignature.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Compute(SigningSecret, timestamp, Encoding.UTF8.GetBytes(body)));
        using var response = await http.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>The threads of the questions the process <paramref name="pid"/> holds (replica ids are host/pid/random).</summary>
    private static async Task<HashSet<string>> HeldByAsync(string connectionString, int pid)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT work FROM slack_replies WHERE split_part(claimed_by, '/', 2) = @pid", connection);
        command.Parameters.AddWithValue("pid", pid.ToString(CultureInfo.InvariantCulture));
        var held = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            held.Add(SlackReplyWork.FromJson(reader.GetString(0)).ThreadTs!);
        }

        return held;
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
