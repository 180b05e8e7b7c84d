using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Newtonsoft.Json.Linq;
using Npgsql;

namespace NewsBot.Benchmarks.Replicas;

/// <summary>
/// The replica test: three published bot processes on 127.0.0.1 against one PostgreSQL database and one knowledge
/// folder, N conversations (default 1,000) subscribed through <c>/api/messages</c> to a digest at the same time of day,
/// the window firing while a loopback connector answers every tenth digest post with 429, one replica killed with
/// SIGKILL mid-delivery and started again. Reports whether every conversation got its digest, and counts the
/// duplicates and says why each happened.
/// <c>dotnet run -c Release --project tests/NewsBot.Benchmarks -- replicas KNOWLEDGE [N]</c>.
/// </summary>
internal static class ReplicaBenchmark
{
    private const int Replicas = 3;
    private const int Victim = 1;
    private static readonly TimeSpan ClaimLease = TimeSpan.FromSeconds(20);

    public static async Task<int> RunAsync(string knowledge, int conversations)
    {
        var work = Directory.CreateTempSubdirectory("newsbot-replicas-");
        Console.WriteLine($"working in {work.FullName}");
        await using var cluster = await PostgresCluster.StartAsync(Console.Out);
        var connectionString = await cluster.CreateDatabaseAsync("newsbot_replicas");
        var dll = PublishedBot.Publish(work.FullName);
        var shared = PublishedBot.CopyKnowledge(knowledge, Path.Combine(work.FullName, "knowledge"));
        await using var connector = new ThrottlingConnector();
        await connector.StartAsync();
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 64 }) { Timeout = TimeSpan.FromSeconds(30) };

        var replicas = new ReplicaSet(Replicas, dll, work.FullName, shared, connectionString, _ => new Dictionary<string, string>
        {
            ["Digests__PollInterval"] = "00:00:02",
            ["Digests__ClaimLease"] = ClaimLease.ToString(),
            ["Digests__RetryDelay"] = "00:00:01",
            // 3 × 15 = 45 posts a second for the app, under Teams' 50.
            ["Digests__MessagesPerSecond"] = "15",
            ["Telemetry__Prometheus"] = "true",
            ["Logging__LogLevel__NewsBot.Digests.DigestDeliveryService"] = "Information",
        });
        try
        {
            await replicas.StartAsync(http);

            // Subscribe everyone, through all replicas in turn, to one time of day 75–135 s from now.
            var subscribeStart = Stopwatch.StartNew();
            var now = DateTimeOffset.UtcNow;
            var at = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero).AddMinutes(1).AddSeconds(75);
            at = new DateTimeOffset(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0, TimeSpan.Zero);
            var time = at.ToString("HH:mm", CultureInfo.InvariantCulture);
            await ForEachAsync(Enumerable.Range(0, conversations), 24, async i =>
            {
                var reply = await TurnAsync(http, connector, replicas[i % Replicas], Conversation(i), $"digest on {time} UTC");
                if (!reply.Contains("Subscribed", StringComparison.Ordinal))
                {
                    throw new InvalidOperationException($"digest on for {Conversation(i)} replied: {reply}");
                }
            });
            Console.WriteLine($"subscribed {conversations} conversations to {time} UTC in {subscribeStart.Elapsed.TotalSeconds:F1} s ({conversations / subscribeStart.Elapsed.TotalSeconds:F0} turns/s over {Replicas} replicas)");

            var scheduled = await ScalarAsync<long>(connectionString, "SELECT count(*) FROM digest_subscriptions WHERE next_delivery = @at AND state = 'active'", ("at", at));
            var statusChecks = 0;
            for (var i = 0; i < 10; i++)
            {
                // Subscribed through replica i % 3; asked through the next one.
                var status = await TurnAsync(http, connector, replicas[(i + 1) % Replicas], Conversation(i), "digest status");
                statusChecks += status.Contains(time, StringComparison.Ordinal) ? 1 : 0;
            }

            Console.WriteLine($"stored with that delivery time: {scheduled}; digest status through another replica shows it: {statusChecks} of 10");
            if (scheduled != conversations || statusChecks != 10 || DateTimeOffset.UtcNow >= at)
            {
                Console.WriteLine("subscriptions incomplete or too late for the window: stopping");
                return 1;
            }

            connector.Throttle = true;
            var untilWindow = at - DateTimeOffset.UtcNow;
            Console.WriteLine($"waiting {untilWindow.TotalSeconds:F0} s for the window at {at:HH:mm:ss} UTC");
            await Task.Delay(untilWindow);
            var window = Stopwatch.StartNew();

            // Mid-delivery: once a quarter of the digests are out, SIGKILL one replica, then start it again.
            while (connector.Digests.Count < conversations / 4)
            {
                await Task.Delay(20);
            }

            var victim = replicas[Victim];
            var victimPid = victim.ProcessId;
            var heldAtKill = await ClaimsOfAsync(connectionString, victimPid);
            var acceptedBeforeKill = connector.Digests.Select(d => d.Conversation).ToHashSet(StringComparer.Ordinal);
            var killedAt = Stopwatch.GetTimestamp();
            victim.Kill();
            Console.WriteLine($"{window.Elapsed.TotalSeconds:F1} s: SIGKILL {victim.Name} (pid {victimPid}) with {connector.Digests.Count} digests accepted; it held {heldAtKill.Count} claims");
            await Task.Delay(TimeSpan.FromSeconds(3));
            await victim.StartAsync(http, TimeSpan.FromMinutes(2));
            Console.WriteLine($"{window.Elapsed.TotalSeconds:F1} s: {victim.Name} started again (pid {victim.ProcessId})");

            // Until every conversation has its digest, then a claim lease more, for late duplicates.
            var deadline = TimeSpan.FromMinutes(5);
            while (Counts(connector).Count < conversations && window.Elapsed < deadline)
            {
                await Task.Delay(100);
            }

            var allDelivered = window.Elapsed;
            await Task.Delay(ClaimLease + TimeSpan.FromSeconds(5));

            var counts = Counts(connector);
            var missing = conversations - counts.Count;
            var duplicates = counts.Where(c => c.Value > 1).Select(c => c.Key).ToList();
            Console.WriteLine();
            Console.WriteLine($"conversations:              {conversations}");
            Console.WriteLine($"digests accepted:           {connector.Digests.Count} ({connector.DigestPosts} posts, {connector.TooManyRequests} answered 429 = {100.0 * connector.TooManyRequests / Math.Max(connector.DigestPosts, 1):F1} %)");
            Console.WriteLine($"every conversation's digest: {(missing == 0 ? "yes" : $"no, {missing} missing")}, {allDelivered.TotalSeconds:F1} s after the window opened");
            Console.WriteLine($"exactly one digest:         {counts.Count(c => c.Value == 1)}; more than one: {duplicates.Count}; other messages: {connector.OtherMessages}");
            foreach (var conversation in duplicates)
            {
                var key = $"webchat:{conversation}";
                var why = heldAtKill.Contains(key) && acceptedBeforeKill.Contains(conversation)
                    ? $"{victim.Name} held its claim and the connector had accepted its digest before the SIGKILL, but the delivery was not yet recorded; after the claim expired ({ClaimLease.TotalSeconds:F0} s) another replica sent the window again"
                    : heldAtKill.Contains(key)
                        ? $"{victim.Name} held its claim; its post reached the connector as the process died (accepted {Stopwatch.GetElapsedTime(killedAt, connector.Digests.First(d => d.Conversation == conversation).At).TotalMilliseconds:F0} ms after the SIGKILL), unrecorded"
                        : "not among the killed replica's claims: a send that outlived its claim (see the replicas' log event 109)";
                Console.WriteLine($"  duplicate {conversation}: {counts[conversation]} digests; {why}");
            }

            foreach (var replica in replicas.Replicas.Where(r => r.IsRunning))
            {
                Console.WriteLine($"{replica.Name}: {await MetricAsync(http, replica, "newsbot_digest_deliveries_total", "newsbot_outcome=\"sent\"")} sent, {await MetricAsync(http, replica, "newsbot_digest_throttled_total", null)} 429s, {await MetricAsync(http, replica, "newsbot_digest_duplicates_total", null)} duplicates detected (since its start)");
            }

            return missing == 0 ? 0 : 1;
        }
        finally
        {
            replicas.Dispose();

            // The logs stay for a look; the published bot and the indexes go.
            foreach (var folder in Directory.EnumerateDirectories(work.FullName))
            {
                Directory.Delete(folder, recursive: true);
            }

            Console.WriteLine($"replica logs: {work.FullName}/replica-*.log");
        }
    }

    private static string Conversation(int i) => string.Create(CultureInfo.InvariantCulture, $"c{i:D4}");

    private static Dictionary<string, int> Counts(ThrottlingConnector connector) =>
        connector.Digests.GroupBy(d => d.Conversation, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    /// <summary>One turn through a replica's /api/messages; the reply's text.</summary>
    private static async Task<string> TurnAsync(HttpClient http, ThrottlingConnector connector, ReplicaProcess replica, string conversation, string text)
    {
        var id = Guid.NewGuid().ToString("N");
        var reply = connector.ReplyTo(id);
        var activity = new JObject
        {
            ["type"] = "message", ["id"] = id, ["channelId"] = "webchat", ["serviceUrl"] = connector.ServiceUrl, ["text"] = text,
            ["from"] = new JObject { ["id"] = "user-" + conversation }, ["recipient"] = new JObject { ["id"] = "newsbot" },
            ["conversation"] = new JObject { ["id"] = conversation },
        };
        using var content = new StringContent(activity.ToString(Newtonsoft.Json.Formatting.None), Encoding.UTF8, "application/json");
        using var response = await http.PostAsync(new Uri(replica.Url, "api/messages"), content);
        response.EnsureSuccessStatusCode();
        var body = JObject.Parse(await reply.WaitAsync(TimeSpan.FromSeconds(30)));
        return body.Value<string>("text") ?? string.Empty;
    }

    /// <summary>The conversations whose digest claim the process <paramref name="pid"/> holds (replica ids are host/pid/random).</summary>
    private static async Task<HashSet<string>> ClaimsOfAsync(string connectionString, int pid)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT conversation_key FROM digest_subscriptions WHERE split_part(claimed_by, '/', 2) = @pid", connection);
        command.Parameters.AddWithValue("pid", pid.ToString(CultureInfo.InvariantCulture));
        var held = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            held.Add(reader.GetString(0));
        }

        return held;
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The sum of a counter's series in a replica's Prometheus text (those whose labels contain <paramref name="label"/>).</summary>
    private static async Task<double> MetricAsync(HttpClient http, ReplicaProcess replica, string name, string? label)
    {
        var text = await http.GetStringAsync(new Uri(replica.Url, "metrics"));
        return text.Split('\n')
            .Where(line => line.StartsWith(name, StringComparison.Ordinal) && (label is null || line.Contains(label, StringComparison.Ordinal)))
            .Sum(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture));
    }

    private static async Task ForEachAsync(IEnumerable<int> items, int parallelism, Func<int, Task> body) =>
        await Parallel.ForEachAsync(items, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (i, _) => await body(i));
}
