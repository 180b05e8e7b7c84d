using NewsBot.Configuration;
using NewsBot.Digests;
using NewsBot.Tests.Storage;

namespace NewsBot.Tests.Digests;

/// <summary>What the installations store must do on every provider: <see cref="SqliteInstallationsTests"/>, <see cref="PostgresInstallationsTests"/>.</summary>
public abstract class InstallationsContract(StorageProvider provider) : StoreContract(provider)
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task RecordInstalled_IsFound_AcrossARestart()
    {
        var installed = new Installation("msteams:19:team", "msteams", "channel", "{\"serviceUrl\":\"https://smba.example/\"}", Now);
        await Store.Installations().RecordInstalledAsync(installed, CancellationToken.None);

        Assert.Equal(installed, await Store.Installations().FindAsync("msteams:19:team", CancellationToken.None));
        Assert.Null(await Store.Installations().FindAsync("msteams:other", CancellationToken.None));
    }

    [Fact]
    public async Task RecordRemoved_KeepsTheRow_AndAReinstallClearsIt()
    {
        var store = Store.Installations();
        var installed = new Installation("msteams:a", "msteams", "personal", "{}", Now);
        await store.RecordInstalledAsync(installed, CancellationToken.None);

        await store.RecordRemovedAsync("msteams:a", Now.AddDays(1), CancellationToken.None);
        Assert.Equal(Now.AddDays(1), (await store.FindAsync("msteams:a", CancellationToken.None))!.Removed);

        await store.RecordInstalledAsync(installed with { Installed = Now.AddDays(2) }, CancellationToken.None);
        Assert.Equal(installed with { Installed = Now.AddDays(2) }, await store.FindAsync("msteams:a", CancellationToken.None));
    }
}
