using NewsBot.Configuration;

namespace NewsBot.Tests.Slack;

/// <summary><see cref="SlackReplyStoreContract"/> on SQLite.</summary>
public sealed class SqliteSlackReplyStoreTests() : SlackReplyStoreContract(StorageProvider.Sqlite);
