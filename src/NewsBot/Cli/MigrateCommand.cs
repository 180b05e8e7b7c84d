using System.CommandLine;
using Npgsql;

namespace NewsBot.Cli;

/// <summary>
/// <c>migrate</c>: applies the database schema's missing versions (PostgreSQL: under the same advisory lock as a
/// starting replica) and prints the version, e.g. before a deploy whose replicas start with <c>Storage:MigrateOnStart</c> off.
/// </summary>
internal static class MigrateCommand
{
    public static Command Create(GlobalOptions options, TimeProvider time)
    {
        var command = new Command("migrate", "Apply the database schema's missing versions and print the version");
        command.SetAction(async (parse, cancellationToken) =>
        {
            var environment = new CliEnvironment(parse, options, time);
            using var opened = CliDatabase.Open(environment);
            var database = opened.Database;
            try
            {
                var migration = await database.MigrateAsync(cancellationToken).ConfigureAwait(false);
                var provider = database.Provider.ToString().ToLowerInvariant();
                environment.Out.WriteLine(migration.From < migration.To
                    ? $"{provider} {database.Location}: schema version {migration.To} (was {migration.From})"
                    : $"{provider} {database.Location}: schema version {migration.To} (already current)");
                return ExitCodes.Success;
            }
            catch (Exception exception) when (exception is NpgsqlException or Microsoft.Data.Sqlite.SqliteException or InvalidOperationException or TimeoutException)
            {
                environment.Error.WriteLine($"error: cannot migrate {database.Location}: {exception.Message}");
                return ExitCodes.Findings;
            }
        });
        return command;
    }
}
