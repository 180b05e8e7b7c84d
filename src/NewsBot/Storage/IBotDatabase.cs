using NewsBot.Configuration;

namespace NewsBot.Storage;

/// <summary>The database behind every store, whichever the provider: its schema version and whether it answers.</summary>
internal interface IBotDatabase
{
    StorageProvider Provider { get; }

    /// <summary>Where it is, for people: the SQLite file's path, or PostgreSQL's host, port and database (never a password).</summary>
    string Location { get; }

    /// <summary>The schema version this build writes and reads.</summary>
    int ExpectedVersion { get; }

    /// <summary>Applies the missing schema versions (and nothing when it is current); returns the versions before and after.</summary>
    Task<SchemaMigration> MigrateAsync(CancellationToken cancellationToken);

    /// <summary>Asks the database for its schema version without changing anything. Never throws for an unreachable database: says so.</summary>
    Task<DatabaseState> CheckAsync(CancellationToken cancellationToken);
}

/// <summary>What <see cref="IBotDatabase.MigrateAsync"/> did: <paramref name="From"/> = <paramref name="To"/> when nothing was missing.</summary>
internal sealed record SchemaMigration(int From, int To);

/// <summary>The database as a health check sees it.</summary>
/// <param name="SchemaVersion">The version the database is at; null when it could not be asked.</param>
/// <param name="Problem">Why it is not usable (unreachable, an old schema), or null.</param>
internal sealed record DatabaseState(StorageProvider Provider, bool Reachable, int? SchemaVersion, int ExpectedVersion, string? Problem)
{
    /// <summary>Reachable with every version this build needs (a newer schema is fine: migrations only add).</summary>
    public bool IsReady => Reachable && SchemaVersion >= ExpectedVersion;
}
