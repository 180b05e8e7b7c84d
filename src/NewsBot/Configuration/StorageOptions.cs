namespace NewsBot.Configuration;

/// <summary>Which database holds the bot's state (conversation memory, digests, the question log, feedback).</summary>
public enum StorageProvider
{
    /// <summary>A SQLite file in the data folder: one machine, one process. The default.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database named by <c>ConnectionStrings:NewsBot</c>, shared by every replica.</summary>
    Postgres,
}

/// <summary>Section "Storage": where the bot keeps its data.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The name under <c>ConnectionStrings</c> of the PostgreSQL connection string: <c>ConnectionStrings:NewsBot</c>.</summary>
    public const string ConnectionStringName = "NewsBot";

    /// <summary>Data folder: the Lucene index and vectors (always), and the SQLite file with <see cref="StorageProvider.Sqlite"/>.
    /// Default: <c>.newsbot/</c> beside the knowledge folder (the repository root). Each replica needs its own. This is the
    /// setting as given; read the resolved folder from <see cref="Hosting.DataPaths"/>.</summary>
    public string? Path { get; set; }

    /// <summary>Where bot state lives. Default <see cref="StorageProvider.Sqlite"/>.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>
    /// Applies the schema's missing versions when the bot starts (under an advisory lock with PostgreSQL, so replicas
    /// starting together take turns). Default true. Set false when the bot's database user may not change the schema:
    /// run <c>migrate</c> with a user that may, before starting the new version.
    /// </summary>
    public bool MigrateOnStart { get; set; } = true;

    /// <summary>The PostgreSQL connection string, from <c>ConnectionStrings:NewsBot</c> (not from this section).</summary>
    public string? ConnectionString { get; set; }
}
