using NewsBot.Configuration;

namespace NewsBot.Tests.Digests;

/// <summary><see cref="InstallationsContract"/> on SQLite.</summary>
public sealed class SqliteInstallationsTests() : InstallationsContract(StorageProvider.Sqlite);
