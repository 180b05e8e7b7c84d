using System.Diagnostics;
using System.Globalization;

namespace NewsBot.Benchmarks.Replicas;

/// <summary>
/// One published bot process on 127.0.0.1: <c>dotnet NewsBot.dll</c> with its settings in environment variables, its
/// output in a log file beside its data folder. <see cref="Kill"/> is SIGKILL: no shutdown code runs.
/// </summary>
internal sealed class ReplicaProcess : IDisposable
{
    private readonly string _dll;
    private readonly IReadOnlyDictionary<string, string> _environment;
    private readonly StreamWriter _log;
    private Process? _process;

    public ReplicaProcess(string name, string dll, int port, IReadOnlyDictionary<string, string> environment, string logFile)
    {
        Name = name;
        _dll = dll;
        Port = port;
        _environment = environment;
        _log = new StreamWriter(logFile, append: true) { AutoFlush = true };
    }

    public string Name { get; }

    public int Port { get; }

    public Uri Url => new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{Port}/"));

    /// <summary>The running process's id: the middle part of its replica identity, so of the digest claims it holds.</summary>
    public int ProcessId => _process?.Id ?? 0;

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>Starts the process and waits until <c>/healthz/ready</c> says 200.</summary>
    public async Task StartAsync(HttpClient http, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(_dll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(Url.ToString().TrimEnd('/'));
        foreach (var (key, value) in _environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {Name}");
        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with {process.ExitCode} while starting; see its log");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(Url, "healthz/ready"));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"{Name} was not ready within {timeout}");
    }

    /// <summary>SIGKILL: the process stops wherever it is, as on a crashed host.</summary>
    public void Kill()
    {
        _process?.Kill();
        _process?.WaitForExit();
        Write($"--- killed with SIGKILL by the replica test ---");
    }

    /// <summary>Kills the process if it runs; safe to call more than once.</summary>
    public void Dispose()
    {
        lock (_log)
        {
            if (IsRunning)
            {
                Kill();
            }
        }
    }

    private void Write(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.WriteLine(line);
        }
    }
}
