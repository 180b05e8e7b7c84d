using NewsBot.Configuration;

namespace NewsBot.Tests.Slack;

/// <summary><see cref="SlackEventStoreContract"/> on PostgreSQL (skipped without a test server).</summary>
public sealed class PostgresSlackEventStoreTests() : SlackEventStoreContract(StorageProvider.Postgres);
