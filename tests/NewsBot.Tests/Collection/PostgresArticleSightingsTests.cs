using NewsBot.Configuration;

namespace NewsBot.Tests.Collection;

/// <summary><see cref="ArticleSightingsContract"/> on PostgreSQL (skipped without a test server).</summary>
public sealed class PostgresArticleSightingsTests() : ArticleSightingsContract(StorageProvider.Postgres);
