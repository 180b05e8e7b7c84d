using NewsBot.Configuration;

namespace NewsBot.Tests.Storage;

/// <summary><see cref="QuestionLogContract"/> on PostgreSQL (skipped without a test server).</summary>
public sealed class PostgresQuestionLogTests() : QuestionLogContract(StorageProvider.Postgres);
