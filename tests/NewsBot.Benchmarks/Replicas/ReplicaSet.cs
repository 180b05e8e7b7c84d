namespace NewsBot.Benchmarks.Replicas;

/// <summary>
/// The published bot running as several processes on loopback, as the replica tests run it: one knowledge folder and one
/// PostgreSQL database shared, a data folder and a log each, semantic ranking off (the tests measure coordination, not
/// answers), telemetry off. Taken down with the process when the run is interrupted (Ctrl+C, SIGTERM).
/// </summary>
internal sealed class ReplicaSet : IDisposable
{
    private readonly List<ReplicaProcess> _replicas;

    /// <param name="settings">Each replica's own settings (by index), beside the shared ones.</param>
    public ReplicaSet(int count, string dll, string work, string knowledge, string connectionString, Func<int, IReadOnlyDictionary<string, string>> settings)
    {
        _replicas = Enumerable.Range(0, count).Select(i =>
        {
            var environment = new Dictionary<string, string>
            {
                ["Knowledge__Path"] = knowledge,
                ["Knowledge__Semantic"] = "false",
                ["Storage__Path"] = Path.Combine(work, $"data-{i}"),
                ["Storage__Provider"] = "Postgres",
                ["ConnectionStrings__NewsBot"] = connectionString,
                ["Logging__LogLevel__Default"] = "Warning",
                ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
            };
            foreach (var (key, value) in settings(i))
            {
                environment[key] = value;
            }

            return new ReplicaProcess($"replica-{i}", dll, PublishedBot.FreePort(), environment, Path.Combine(work, $"replica-{i}.log"));
        }).ToList();
        AppDomain.CurrentDomain.ProcessExit += StopAll;
    }

    public IReadOnlyList<ReplicaProcess> Replicas => _replicas;

    public int Count => _replicas.Count;

    public ReplicaProcess this[int index] => _replicas[index];

    /// <summary>Starts every replica and waits until each is ready.</summary>
    public async Task StartAsync(HttpClient http)
    {
        await Task.WhenAll(_replicas.Select(r => r.StartAsync(http, TimeSpan.FromMinutes(2))));
        Console.WriteLine($"{Count} replicas ready: {string.Join(", ", _replicas.Select(r => $"{r.Name} pid {r.ProcessId} at {r.Url}"))}");
    }

    public void Dispose()
    {
        AppDomain.CurrentDomain.ProcessExit -= StopAll;
        StopAll(null, EventArgs.Empty);
    }

    private void StopAll(object? sender, EventArgs e)
    {
        foreach (var replica in _replicas)
        {
            replica.Dispose();
        }
    }
}
