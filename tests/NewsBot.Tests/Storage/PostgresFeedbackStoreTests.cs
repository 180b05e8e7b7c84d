using NewsBot.Configuration;

namespace NewsBot.Tests.Storage;

/// <summary><see cref="FeedbackStoreContract"/> on PostgreSQL (skipped without a test server).</summary>
public sealed class PostgresFeedbackStoreTests() : FeedbackStoreContract(StorageProvider.Postgres);
