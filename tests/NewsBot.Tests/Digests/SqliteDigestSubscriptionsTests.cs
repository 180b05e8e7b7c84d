using NewsBot.Configuration;

namespace NewsBot.Tests.Digests;

/// <summary><see cref="DigestSubscriptionsContract"/> on SQLite.</summary>
public sealed class SqliteDigestSubscriptionsTests() : DigestSubscriptionsContract(StorageProvider.Sqlite);
