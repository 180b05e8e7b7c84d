using NewsBot.Configuration;

namespace NewsBot.Tests.Collection;

/// <summary><see cref="ArticleSightingsContract"/> on SQLite.</summary>
public sealed class SqliteArticleSightingsTests() : ArticleSightingsContract(StorageProvider.Sqlite);
