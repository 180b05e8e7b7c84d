using Npgsql;

namespace NewsBot.Tests.Storage;

/// <summary>
/// The PostgreSQL server the tests may use, named by <c>NEWSBOT_TEST_POSTGRES</c> (an Npgsql connection string to a
/// throwaway server, e.g. <c>Host=127.0.0.1;Port=55432;Username=postgres</c>; <c>.ci/run</c> starts one). Each test gets
/// a schema of its own (<see cref="CreateSchema"/>), dropped when it is done. Without the variable, or with a server
/// that does not answer, PostgreSQL tests are skipped and say why.
/// </summary>
internal static class PostgresServer
{
    public const string Variable = "NEWSBOT_TEST_POSTGRES";

    private static readonly Lazy<string?> Problem = new(FindProblem);

    public static string? ConnectionString => Environment.GetEnvironmentVariable(Variable);

    /// <summary>Null when the server answers; otherwise why PostgreSQL tests are skipped.</summary>
    public static string? SkipReason => Problem.Value;

    /// <summary>Skips the calling test, reported as skipped with <see cref="SkipReason"/>, when there is no server.</summary>
    public static void SkipUnlessAvailable()
    {
        if (SkipReason is { } reason)
        {
            Assert.Skip(reason);
        }
    }

    /// <summary>A new, empty schema; its connection string sets the search path to it, so NewsBot's tables go there.</summary>
    public static TestSchema CreateSchema()
    {
        SkipUnlessAvailable();
        var name = $"t_{Guid.NewGuid():N}";
        Execute($"CREATE SCHEMA {name}");
        var connection = new NpgsqlConnectionStringBuilder(ConnectionString)
        {
            SearchPath = name,
            // Each schema's pool is its own: keep few idle connections, and close them soon.
            MaxPoolSize = 20,
            ConnectionIdleLifetime = 10,
        };
        return new TestSchema(name, connection.ConnectionString);
    }

    /// <summary>Runs one statement as the server's administrator (the connection string's user).</summary>
    public static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static string? FindProblem()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            return $"PostgreSQL tests need a server: set {Variable} to an Npgsql connection string (bash .ci/run starts a throwaway PostgreSQL 15 and sets it)";
        }

        try
        {
            Execute("SELECT 1");
            return null;
        }
        catch (Exception exception) when (exception is NpgsqlException or ArgumentException or InvalidOperationException)
        {
            return $"the PostgreSQL server in {Variable} does not answer: {exception.Message}";
        }
    }
}

/// <summary>A schema of the test server for one test; dropped with everything in it on dispose.</summary>
internal sealed class TestSchema(string name, string connectionString) : IDisposable
{
    public string Name => name;

    /// <summary>Connects to the test server with the search path set to this schema.</summary>
    public string ConnectionString => connectionString;

    public void Dispose()
    {
        PostgresServer.Execute($"DROP SCHEMA IF EXISTS {name} CASCADE");
    }
}
