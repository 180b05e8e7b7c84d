using NewsBot.Configuration;

namespace NewsBot.Tests.Slack;

/// <summary><see cref="SlackReplyStoreContract"/> on PostgreSQL (skipped without a test server).</summary>
public sealed class PostgresSlackReplyStoreTests() : SlackReplyStoreContract(StorageProvider.Postgres);
