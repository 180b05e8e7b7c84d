using NewsBot.Configuration;
using NewsBot.Storage;
using NewsBot.Storage.Postgres;
using NewsBot.Tests.Storage;

namespace NewsBot.Tests.Cli;

public sealed class MigrateCommandTests : IDisposable
{
    private readonly TestKnowledge _knowledge = new();

    [Fact]
    public void Migrate_CreatesTheSqliteSchema_AndPrintsTheVersion_ThenSaysItIsCurrent()
    {
        var first = CliRunner.Run(_knowledge.Args("migrate"));
        var second = CliRunner.Run(_knowledge.Args("migrate"));

        var file = Path.Combine(_knowledge.DataPath, "newsbot.db");
        Assert.Equal((0, ""), (first.ExitCode, first.Error));
        Assert.Equal($"sqlite {file}: schema version {SqliteSchema.Version} (was 0)", first.Output.Trim());
        Assert.Equal($"sqlite {file}: schema version {SqliteSchema.Version} (already current)", second.Output.Trim());
    }

    [Fact]
    public async Task Migrate_AppliesThePostgresSchema_NamedByTheEnvironment()
    {
        using var store = TestStore.Create(StorageProvider.Postgres);
        var environment = new Dictionary<string, string> { ["Storage__Provider"] = "Postgres", ["ConnectionStrings__NewsBot"] = store.ConnectionString };

        var first = await CliProcess.RunAsync(environment, _knowledge.Args("migrate"));
        var second = await CliProcess.RunAsync(environment, _knowledge.Args("migrate"));

        Assert.Equal(0, first.ExitCode);
        Assert.Matches($@"^postgres 127\.0\.0\.1:\d+/\w+ \(schema t_\w+\): schema version {PostgresSchema.Version} \(was 0\)$", first.Output.Trim());
        Assert.EndsWith($"schema version {PostgresSchema.Version} (already current)", second.Output.Trim(), StringComparison.Ordinal);
        Assert.True((await store.OpenDatabase().CheckAsync(CancellationToken.None)).IsReady);
    }

    [Fact]
    public async Task Migrate_Fails_WhenPostgresHasNoConnectionString()
    {
        var result = await CliProcess.RunAsync(new Dictionary<string, string> { ["Storage__Provider"] = "Postgres" }, _knowledge.Args("migrate"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("ConnectionStrings__NewsBot", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_Fails_WhenThePostgresServerDoesNotAnswer()
    {
        var result = await CliProcess.RunAsync(
            new Dictionary<string, string> { ["Storage__Provider"] = "Postgres", ["ConnectionStrings__NewsBot"] = "Host=127.0.0.1;Port=1;Timeout=2;Username=nobody" },
            _knowledge.Args("migrate"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: cannot migrate 127.0.0.1:1/nobody", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => _knowledge.Dispose();
}
