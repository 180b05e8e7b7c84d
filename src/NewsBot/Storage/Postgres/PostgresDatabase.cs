using Microsoft.Extensions.Logging.Abstractions;
using NewsBot.Configuration;
using Npgsql;

namespace NewsBot.Storage.Postgres;

/// <summary>
/// The bot's PostgreSQL database (<c>ConnectionStrings:NewsBot</c>), shared by every replica: bot state, digests,
/// installations, Slack events and the questions waiting for their answer, the question log and feedback. The first
/// connection brings the schema up to <see cref="PostgresSchema.Version"/> (unless
/// <see cref="StorageOptions.MigrateOnStart"/> is off): a current schema is only read; otherwise the missing versions are applied in one transaction, under an advisory lock on the
/// schema's name, so replicas starting together migrate one after the other and the later ones find nothing to do.
/// Migrations only add, so a database newer than this build is used as it is (a rolling deploy's older replicas keep
/// working). Connections come from one pool (<see cref="NpgsqlDataSource"/>), closed on dispose.
/// </summary>
internal sealed partial class PostgresDatabase : IBotDatabase, IDisposable
{
    /// <summary>The advisory lock's first key ("NWSB"); the second is a hash of the schema's name.</summary>
    private const int LockClass = 0x4E575342;

    private const string VersionTable = "newsbot_schema_versions";

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _migrateOnStart;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _ready;
    private SchemaMigration? _migration;
    private bool _disposed;

    /// <param name="connectionString">An Npgsql connection string; its password never appears in <see cref="Location"/>.</param>
    public PostgresDatabase(string connectionString, bool migrateOnStart = true, ILogger<PostgresDatabase>? logger = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Location = $"{builder.Host}:{builder.Port}/{builder.Database ?? builder.Username}" + (string.IsNullOrEmpty(builder.SearchPath) ? string.Empty : $" (schema {builder.SearchPath})");
        _dataSource = NpgsqlDataSource.Create(builder);
        _migrateOnStart = migrateOnStart;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    public StorageProvider Provider => StorageProvider.Postgres;

    public string Location { get; }

    public int ExpectedVersion => PostgresSchema.Version;

    /// <summary>Opens a connection from the pool to the migrated database. The caller disposes it (which returns it to the pool).</summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_ready)
            {
                await EnsureSchemaAsync(connection, _migrateOnStart, cancellationToken).ConfigureAwait(false);
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
    /// Runs one statement on its own (PostgreSQL makes a single statement atomic without an explicit transaction), so a
    /// write costs one round trip; returns the rows it affected. <paramref name="sql"/> is a constant; values go in parameters.
    /// </summary>
    public async Task<int> ExecuteAsync(string sql, Action<NpgsqlParameterCollection> bind, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(bind);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand(sql, connection);
            bind(command.Parameters);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs <paramref name="work"/> in one transaction (read committed): committed when it returns, rolled back when it throws.</summary>
    public async Task<T> WriteAsync<T>(Func<NpgsqlTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var result = await work(transaction, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
        }
    }

    public Task WriteAsync(Func<NpgsqlTransaction, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        return WriteAsync(
            async (transaction, token) =>
            {
                await work(transaction, token).ConfigureAwait(false);
                return true;
            },
            cancellationToken);
    }

    /// <summary>A command on the transaction's connection. <paramref name="sql"/> is a constant; values go in parameters.</summary>
    public static NpgsqlCommand Command(NpgsqlTransaction transaction, string sql)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        return new NpgsqlCommand(sql, transaction.Connection, transaction);
    }

    /// <summary>Applies the missing versions even when <see cref="StorageOptions.MigrateOnStart"/> is off: the <c>migrate</c> command.</summary>
    public async Task<SchemaMigration> MigrateAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await EnsureSchemaAsync(connection, migrate: true, cancellationToken).ConfigureAwait(false);
        }

        return _migration!;
    }

    public async Task<DatabaseState> CheckAsync(CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        try
        {
            var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var version = await VersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
                return new DatabaseState(Provider, true, version, PostgresSchema.Version, version < PostgresSchema.Version ? $"schema version {version}, this build needs {PostgresSchema.Version}" : null);
            }
        }
        catch (Exception exception) when (exception is NpgsqlException or TimeoutException or OperationCanceledException or System.Net.Sockets.SocketException)
        {
            return new DatabaseState(Provider, false, null, PostgresSchema.Version, exception is OperationCanceledException ? "no answer in time" : exception.Message);
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _dataSource.Dispose();
        _schemaGate.Dispose();
    }

    private async Task EnsureSchemaAsync(NpgsqlConnection connection, bool migrate, CancellationToken cancellationToken)
    {
        await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_ready)
            {
                return;
            }

            // A current schema is only read: no lock, so a starting replica never waits for the others.
            var version = await VersionAsync(connection, null, cancellationToken).ConfigureAwait(false);
            if (version < PostgresSchema.Version)
            {
                if (!migrate)
                {
                    throw new InvalidOperationException(
                        $"The PostgreSQL database {Location} has schema version {version}; this NewsBot needs {PostgresSchema.Version}. Run the migrate command (Storage:MigrateOnStart is off).");
                }

                version = await ApplyAsync(connection, cancellationToken).ConfigureAwait(false);
            }
            else if (version > PostgresSchema.Version)
            {
                Log.NewerSchema(_logger, Location, version, PostgresSchema.Version);
            }

            _migration ??= new SchemaMigration(version, Math.Max(version, PostgresSchema.Version));
            _ready = true;
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    /// <returns>The version the database was at when this process got the lock.</returns>
    private async Task<int> ApplyAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        // A session lock, taken before the transaction: a replica starting at the same moment waits here, and its
        // transaction then begins after the other's commit, so it sees the tables that one created (a transaction-level
        // lock taken inside an older transaction would leave its catalog view stale).
        await ExecuteLockAsync(connection, "SELECT pg_advisory_lock(@class, hashtext(current_schema()))", cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var version = await VersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
                if (version == 0)
                {
                    await ExecuteAsync(transaction, $"CREATE TABLE IF NOT EXISTS {VersionTable} (version integer PRIMARY KEY, applied timestamptz NOT NULL DEFAULT now())", cancellationToken).ConfigureAwait(false);
                }

                for (var step = version; step < PostgresSchema.Version; step++)
                {
                    await ExecuteAsync(transaction, PostgresSchema.Migrations[step], cancellationToken).ConfigureAwait(false);
                    await using var record = Command(transaction, $"INSERT INTO {VersionTable} (version) VALUES (@version)");
                    record.Parameters.AddWithValue("version", step + 1);
                    await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                _migration = new SchemaMigration(version, Math.Max(version, PostgresSchema.Version));
                if (version < PostgresSchema.Version)
                {
                    Log.Migrated(_logger, Location, version, PostgresSchema.Version);
                }

                return version;
            }
        }
        finally
        {
            // A broken connection has lost the lock with its session.
            if (connection.FullState == System.Data.ConnectionState.Open)
            {
                await ExecuteLockAsync(connection, "SELECT pg_advisory_unlock(@class, hashtext(current_schema()))", CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private static async Task ExecuteLockAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("class", LockClass);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The highest version applied; 0 for a database NewsBot has not touched.</summary>
    private static async Task<int> VersionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var exists = new NpgsqlCommand($"SELECT to_regclass('{VersionTable}') IS NOT NULL", connection, transaction);
        if (await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not true)
        {
            return 0;
        }

        await using var version = new NpgsqlCommand($"SELECT coalesce(max(version), 0) FROM {VersionTable}", connection, transaction);
        return (int)(await version.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <param name="sql">This class's constants and <see cref="PostgresSchema"/>'s migrations only: never outside input.</param>
    private static async Task ExecuteAsync(NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 41, Level = LogLevel.Information, Message = "Migrated the PostgreSQL database {Location} from schema version {From} to {To}")]
        public static partial void Migrated(ILogger logger, string location, int from, int to);

        [LoggerMessage(EventId = 42, Level = LogLevel.Warning, Message = "The PostgreSQL database {Location} has schema version {Version}, newer than the {Known} this NewsBot knows; using it as it is (migrations only add). Upgrade this replica.")]
        public static partial void NewerSchema(ILogger logger, string location, int version, int known);
    }
}
