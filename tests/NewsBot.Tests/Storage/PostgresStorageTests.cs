using NewsBot.Configuration;

namespace NewsBot.Tests.Storage;

/// <summary><see cref="StorageContract"/> on PostgreSQL (skipped without a test server).</summary>
public sealed class PostgresStorageTests() : StorageContract(StorageProvider.Postgres);
