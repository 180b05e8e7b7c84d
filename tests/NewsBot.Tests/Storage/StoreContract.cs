using NewsBot.Configuration;

namespace NewsBot.Tests.Storage;

/// <summary>
/// The base of every store's contract suite: one class per provider derives from the suite, and each test gets a fresh
/// <see cref="TestStore"/> of that provider, made on first use inside the test so that a missing PostgreSQL server
/// skips it (with the reason) rather than failing.
/// </summary>
public abstract class StoreContract(StorageProvider provider) : IDisposable
{
    private readonly Lazy<TestStore> _store = new(() => TestStore.Create(provider));

    private protected TestStore Store => _store.Value;

    public void Dispose()
    {
        if (_store.IsValueCreated)
        {
            _store.Value.Dispose();
        }

        GC.SuppressFinalize(this);
    }
}
