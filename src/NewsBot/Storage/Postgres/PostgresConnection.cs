using Npgsql;

namespace NewsBot.Storage.Postgres;

/// <summary>Checks a configured connection string before anything connects with it.</summary>
internal static class PostgresConnection
{
    /// <summary>True for a connection string Npgsql understands that names a host.</summary>
    public static bool IsValid(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return false;
        }

        try
        {
            return !string.IsNullOrWhiteSpace(new NpgsqlConnectionStringBuilder(connectionString).Host);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
