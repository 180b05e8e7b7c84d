using NewsBot.Configuration;

namespace NewsBot.Tests.Storage;

/// <summary><see cref="FeedbackStoreContract"/> on SQLite.</summary>
public sealed class SqliteFeedbackStoreTests() : FeedbackStoreContract(StorageProvider.Sqlite);
