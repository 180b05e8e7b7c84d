using NewsBot.Configuration;

namespace NewsBot.Tests.Digests;

/// <summary><see cref="InstallationsContract"/> on PostgreSQL (skipped without a test server).</summary>
public sealed class PostgresInstallationsTests() : InstallationsContract(StorageProvider.Postgres);
