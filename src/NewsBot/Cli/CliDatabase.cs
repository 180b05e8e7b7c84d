using NewsBot.Configuration;
using NewsBot.Storage;
using NewsBot.Storage.Postgres;

namespace NewsBot.Cli;

/// <summary>The bot's database as the commands reach it: the SQLite file in the data folder, or PostgreSQL when <c>Storage:Provider</c> says so.</summary>
internal sealed class CliDatabase : IDisposable
{
    private readonly SqliteDatabase? _sqlite;
    private readonly PostgresDatabase? _postgres;

    private CliDatabase(SqliteDatabase? sqlite, PostgresDatabase? postgres)
    {
        _sqlite = sqlite;
        _postgres = postgres;
    }

    public IBotDatabase Database => (IBotDatabase?)_postgres ?? _sqlite!;

    public IQuestionLog QuestionLog => _postgres is { } postgres ? new PostgresQuestionLog(postgres) : new SqliteQuestionLog(_sqlite!);

    /// <summary>Opens the configured database; its settings were checked when the command started (<see cref="CliSettings"/>).</summary>
    public static CliDatabase Open(CliEnvironment environment)
    {
        var storage = environment.Settings.Storage;
        if (storage.Provider != StorageProvider.Postgres)
        {
            return new CliDatabase(new SqliteDatabase(environment.Settings.Paths), null);
        }

        return new CliDatabase(null, new PostgresDatabase(storage.ConnectionString!, storage.MigrateOnStart));
    }

    public void Dispose()
    {
        _sqlite?.Dispose();
        _postgres?.Dispose();
    }
}
