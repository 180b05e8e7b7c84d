using Microsoft.Bot.Builder;
using NewsBot.Collection;
using NewsBot.Configuration;
using NewsBot.Digests;
using NewsBot.Slack;
using NewsBot.Storage;
using NewsBot.Storage.Postgres;
using Npgsql;

namespace NewsBot.Tests.Storage;

/// <summary>
/// The bot's database for one test, on either provider: a SQLite file in a temporary folder, or a fresh schema in the
/// test PostgreSQL server (skipping the test when there is none). Every <c>Open…</c> makes new database objects on the
/// same data, as a restarted bot or another replica would; all are closed, and the data deleted, on dispose.
/// </summary>
internal sealed class TestStore : IDisposable
{
    private readonly TestDatabase? _sqlite;
    private readonly TestSchema? _schema;
    private readonly List<IDisposable> _opened = [];

    private TestStore(StorageProvider provider)
    {
        Provider = provider;
        if (provider == StorageProvider.Postgres)
        {
            _schema = PostgresServer.CreateSchema();
        }
        else
        {
            _sqlite = new TestDatabase();
        }
    }

    public StorageProvider Provider { get; }

    /// <summary>The store for <paramref name="provider"/>; for PostgreSQL, skips the calling test when there is no server.</summary>
    public static TestStore Create(StorageProvider provider) => new(provider);

    /// <summary>
    /// The provider the host-level tests use: PostgreSQL when <c>NEWSBOT_TEST_STORAGE=postgres</c> (the second run of
    /// <c>.ci/run</c>), else SQLite.
    /// </summary>
    public static StorageProvider HostProvider =>
        string.Equals(Environment.GetEnvironmentVariable("NEWSBOT_TEST_STORAGE"), "postgres", StringComparison.OrdinalIgnoreCase)
            ? StorageProvider.Postgres
            : StorageProvider.Sqlite;

    /// <summary>The SQLite file and its folder (SQLite only).</summary>
    public TestDatabase SqliteFiles => _sqlite ?? throw new InvalidOperationException("not a SQLite store");

    /// <summary>The schema's connection string (PostgreSQL only).</summary>
    public string ConnectionString => _schema?.ConnectionString ?? throw new InvalidOperationException("not a PostgreSQL store");

    /// <summary>Configuration that points a host at this store (nothing for SQLite, whose file is in the host's data folder).</summary>
    public IReadOnlyDictionary<string, string> HostSettings => _schema is null
        ? new Dictionary<string, string>()
        : new Dictionary<string, string> { ["Storage:Provider"] = "Postgres", ["ConnectionStrings:NewsBot"] = _schema.ConnectionString };

    public IBotDatabase OpenDatabase() => Provider == StorageProvider.Postgres ? OpenPostgres() : OpenSqlite();

    public SqliteDatabase OpenSqlite() => Keep(_sqlite?.Open() ?? throw new InvalidOperationException("not a SQLite store"));

    public PostgresDatabase OpenPostgres() => Keep(new PostgresDatabase(ConnectionString));

    public IStorage Storage(TimeProvider time) => Provider == StorageProvider.Postgres ? new PostgresStorage(OpenPostgres(), time) : new SqliteStorage(OpenSqlite(), time);

    public IQuestionLog QuestionLog() => Provider == StorageProvider.Postgres ? new PostgresQuestionLog(OpenPostgres()) : new SqliteQuestionLog(OpenSqlite());

    public IFeedbackStore Feedback() => Provider == StorageProvider.Postgres ? new PostgresFeedbackStore(OpenPostgres()) : new SqliteFeedbackStore(OpenSqlite());

    internal IDigestSubscriptions Digests() => Provider == StorageProvider.Postgres ? new PostgresDigestSubscriptions(OpenPostgres()) : new SqliteDigestSubscriptions(OpenSqlite());

    internal IArticleSightings Sightings() => Provider == StorageProvider.Postgres ? new PostgresArticleSightings(OpenPostgres()) : new SqliteArticleSightings(OpenSqlite());

    internal ISlackReplyStore SlackReplies() => Provider == StorageProvider.Postgres ? new PostgresSlackReplyStore(OpenPostgres()) : new SqliteSlackReplyStore(OpenSqlite());

    public IInstallations Installations() => Provider == StorageProvider.Postgres ? new PostgresInstallations(OpenPostgres()) : new SqliteInstallations(OpenSqlite());

    /// <summary>Runs SQL on the migrated database, bypassing the stores (to plant what a store would never write).</summary>
    public async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        if (Provider == StorageProvider.Postgres)
        {
            await using var connection = await OpenPostgres().OpenAsync(CancellationToken.None);
            await using var command = new NpgsqlCommand(sql, connection);
            foreach (var (name, value) in parameters)
            {
                command.Parameters.AddWithValue(name, value);
            }

            await command.ExecuteNonQueryAsync();
            return;
        }

        await using var sqlite = await OpenSqlite().OpenAsync(CancellationToken.None);
        await using var sqliteCommand = sqlite.CreateCommand();
        sqliteCommand.CommandText = sql.Replace("@", "$", StringComparison.Ordinal);
        foreach (var (name, value) in parameters)
        {
            sqliteCommand.Parameters.AddWithValue("$" + name, value);
        }

        await sqliteCommand.ExecuteNonQueryAsync();
    }

    public void Dispose()
    {
        foreach (var opened in _opened)
        {
            opened.Dispose();
        }

        _sqlite?.Dispose();
        _schema?.Dispose();
    }

    private T Keep<T>(T database)
        where T : IDisposable
    {
        _opened.Add(database);
        return database;
    }
}
