using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace NewsBot.Benchmarks;

/// <summary>
/// A PostgreSQL server for the measurements that need one: the one named by <c>NEWSBOT_BENCH_POSTGRES</c> (an Npgsql
/// connection string with a user that may create databases), else a throwaway PostgreSQL 15 cluster initialised in a
/// temporary folder (as the <c>postgres</c> user when run as root), listening on 127.0.0.1 only, stopped and deleted on
/// dispose. Each measurement works in a database of its own (<see cref="CreateDatabaseAsync"/>), dropped afterwards.
/// </summary>
internal sealed class PostgresCluster : IAsyncDisposable
{
    public const string Variable = "NEWSBOT_BENCH_POSTGRES";
    private const string Bin = "/usr/lib/postgresql/15/bin";

    private readonly string? _folder;
    private readonly List<string> _databases = [];

    private PostgresCluster(string connectionString, string? folder)
    {
        ConnectionString = connectionString;
        _folder = folder;
    }

    /// <summary>The server's administrator connection.</summary>
    public string ConnectionString { get; }

    public static async Task<PostgresCluster> StartAsync(TextWriter log)
    {
        if (Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } configured)
        {
            log.WriteLine($"PostgreSQL: the server in {Variable}");
            return new PostgresCluster(configured, null);
        }

        if (!File.Exists(Path.Combine(Bin, "initdb")))
        {
            throw new InvalidOperationException($"PostgreSQL 15 is not installed ({Bin}): install postgresql-15 or set {Variable}");
        }

        var folder = Directory.CreateTempSubdirectory("newsbot-bench-pg-").FullName;
        var port = FreePort();
        var root = Environment.UserName == "root";
        if (root)
        {
            Run("chown", "postgres", folder);
        }

        RunAs(root, Path.Combine(Bin, "initdb"), "-D", folder, "-A", "trust", "-U", "postgres");
        RunAs(root, Path.Combine(Bin, "pg_ctl"), "-D", folder, "-l", Path.Combine(folder, "log"), "-w", "-o",
            string.Create(CultureInfo.InvariantCulture, $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c max_connections=300"), "start");
        log.WriteLine($"PostgreSQL: a throwaway cluster on 127.0.0.1:{port} in {folder}");
        await Task.CompletedTask;
        return new PostgresCluster(string.Create(CultureInfo.InvariantCulture, $"Host=127.0.0.1;Port={port};Username=postgres"), folder);
    }

    /// <summary>A new, empty database; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..40];
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }

        _databases.Add(name);
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_folder is not null)
        {
            RunAs(Environment.UserName == "root", Path.Combine(Bin, "pg_ctl"), "-D", _folder, "-m", "immediate", "stop");
            Directory.Delete(_folder, recursive: true);
            return;
        }

        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        foreach (var name in _databases)
        {
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void RunAs(bool root, string program, params string[] args)
    {
        if (root)
        {
            Run("runuser", ["-u", "postgres", "--", program, .. args]);
        }
        else
        {
            Run(program, args);
        }
    }

    private static void Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {error.Result}");
        }
    }
}
