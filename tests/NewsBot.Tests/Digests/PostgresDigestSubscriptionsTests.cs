using NewsBot.Configuration;

namespace NewsBot.Tests.Digests;

/// <summary><see cref="DigestSubscriptionsContract"/> on PostgreSQL (skipped without a test server).</summary>
public sealed class PostgresDigestSubscriptionsTests() : DigestSubscriptionsContract(StorageProvider.Postgres);
