using NewsBot.Configuration;

namespace NewsBot.Tests.Slack;

/// <summary><see cref="SlackEventStoreContract"/> on SQLite.</summary>
public sealed class SqliteSlackEventStoreTests() : SlackEventStoreContract(StorageProvider.Sqlite);
