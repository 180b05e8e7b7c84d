using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using NewsBot.Configuration;
using NewsBot.Hosting;

namespace NewsBot.Storage;

/// <summary>
/// The bot's SQLite file (<see cref="DataPaths.Database"/>): bot state, question log and feedback.
/// The first connection creates the data folder and brings the schema up to <see cref="SqliteSchema.Version"/>;
/// the file is in WAL mode, so readers never wait for the writer. Writes from this process queue on a gate
/// (asynchronously, without holding a thread); another process's writes are waited for up to
/// <see cref="BusyTimeout"/>, so concurrent turns do not fail with SQLITE_BUSY.
/// Disposing clears the connection pool, which closes the file.
/// </summary>
internal sealed partial class SqliteDatabase : IBotDatabase, IDisposable
{
    /// <summary>How long a statement waits for another process's lock before failing: 10 seconds (writes take milliseconds;
    /// a longer wait means something is stuck, and a channel gives up on a turn after about 15 seconds).</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(10);

    private readonly string _connectionString;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _ready;
    private SchemaMigration? _migration;
    private bool _disposed;

    public SqliteDatabase(DataPaths paths, ILogger<SqliteDatabase>? logger = null)
        : this(paths.Database, logger)
    {
    }

    /// <param name="path">The database file; it and its folder are created on first use.</param>
    public SqliteDatabase(string path, ILogger<SqliteDatabase>? logger = null)
    {
        Path = System.IO.Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        }.ToString();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>Absolute path of the database file.</summary>
    public string Path { get; }

    public StorageProvider Provider => StorageProvider.Sqlite;

    public string Location => Path;

    public int ExpectedVersion => SqliteSchema.Version;

    /// <summary>Opening migrates; this reports what the first opening in this process did.</summary>
    public async Task<SchemaMigration> MigrateAsync(CancellationToken cancellationToken)
    {
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            return _migration ?? new SchemaMigration(SqliteSchema.Version, SqliteSchema.Version);
        }
    }

    /// <summary>The file's version, read without creating or changing the file; a missing file is at version 0.</summary>
    public async Task<DatabaseState> CheckAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!File.Exists(Path))
        {
            return new DatabaseState(Provider, true, 0, SqliteSchema.Version, "the database file does not exist yet");
        }

        try
        {
            var connection = new SqliteConnection(new SqliteConnectionStringBuilder(_connectionString) { Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            await using (connection.ConfigureAwait(false))
            {
                await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                var version = await UserVersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
                return new DatabaseState(Provider, true, version, SqliteSchema.Version, version < SqliteSchema.Version ? $"schema version {version}, this build needs {SqliteSchema.Version}" : null);
            }
        }
        catch (SqliteException exception)
        {
            return new DatabaseState(Provider, false, null, SqliteSchema.Version, exception.Message);
        }
    }

    /// <summary>Opens a connection to the migrated database. The caller disposes it (which returns it to the pool).</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_ready)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        }

        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            var busyTimeout = ((int)BusyTimeout.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
            await ExecuteAsync(connection, null, $"PRAGMA busy_timeout = {busyTimeout}; PRAGMA synchronous = NORMAL;", cancellationToken).ConfigureAwait(false);
            if (!_ready)
            {
                await MigrateAsync(connection, cancellationToken).ConfigureAwait(false);
            }

            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// Runs <paramref name="work"/> in one transaction that holds the write lock from its start (BEGIN IMMEDIATE),
    /// so what it reads stays true until it commits. Commits when <paramref name="work"/> returns, rolls back when it throws.
    /// </summary>
    public async Task WriteAsync(Func<SqliteTransaction, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var transaction = connection.BeginTransaction(deferred: false);
                await using (transaction.ConfigureAwait(false))
                {
                    await work(transaction, cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>A command on the transaction's connection, enlisted in it. <paramref name="sql"/> is a constant; values go in parameters.</summary>
    public static SqliteCommand Command(SqliteTransaction transaction, string sql)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var command = transaction.Connection!.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        using (var connection = new SqliteConnection(_connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }

        _writeGate.Dispose();
        _schemaGate.Dispose();
    }

    private async Task MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_ready)
            {
                return;
            }

            // Persistent in the file; a no-op once set. Outside the transaction: SQLite cannot change it inside one.
            await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL;", cancellationToken).ConfigureAwait(false);

            // An up-to-date file is only read, so opening never waits for (or blocks) another process's writes.
            if (CheckVersion(await UserVersionAsync(connection, null, cancellationToken).ConfigureAwait(false)) < SqliteSchema.Version)
            {
                // BEGIN IMMEDIATE: two processes starting on a new file migrate one after the other, the second doing nothing.
                var transaction = connection.BeginTransaction(deferred: false);
                await using (transaction.ConfigureAwait(false))
                {
                    var version = CheckVersion(await UserVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false));
                    for (var step = version; step < SqliteSchema.Version; step++)
                    {
                        await ExecuteAsync(connection, transaction, SqliteSchema.Migrations[step], cancellationToken).ConfigureAwait(false);
                    }

                    var target = SqliteSchema.Version.ToString(CultureInfo.InvariantCulture);
                    await ExecuteAsync(connection, transaction, $"PRAGMA user_version = {target};", cancellationToken).ConfigureAwait(false);
                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    _migration = new SchemaMigration(version, SqliteSchema.Version);
                    if (version < SqliteSchema.Version)
                    {
                        Log.Migrated(_logger, Path, version, SqliteSchema.Version);
                    }
                }
            }

            _ready = true;
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    private int CheckVersion(int version) =>
        version <= SqliteSchema.Version
            ? version
            : throw new InvalidOperationException(
                $"The database {Path} has schema version {version}, newer than the {SqliteSchema.Version} this NewsBot knows. Use a newer NewsBot or another data folder.");

    private static async Task<int> UserVersionAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "PRAGMA user_version;";
        var value = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
        return Convert.ToInt32(value, CultureInfo.InvariantCulture);
    }

    /// <param name="sql">This class's constants and formatted integers only: never outside input.</param>
    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 40, Level = LogLevel.Information, Message = "Migrated the database {Path} from schema version {From} to {To}")]
        public static partial void Migrated(ILogger logger, string path, int from, int to);
    }
}
