using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using NewsBot.Collection;
using NewsBot.Hosting;

namespace NewsBot.Tests.LocalChat;

/// <summary>
/// NewsBot's real host (<see cref="NewsBotHost.Build"/>) on Kestrel at 127.0.0.1 and a free port, over a temporary
/// knowledge folder, ready once the first index build is done. Local mode unless extra arguments say otherwise.
/// </summary>
public sealed class LocalChatServer : IAsyncLifetime
{
    private readonly string[] _extraArgs;
    private WebApplication _app = null!;

    public LocalChatServer()
        : this([])
    {
    }

    internal LocalChatServer(params string[] extraArgs) => _extraArgs = extraArgs;

    internal TestKnowledge Knowledge { get; } = new();

    /// <summary>The server's own address, e.g. http://127.0.0.1:41234/.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        _app = NewsBotHost.Build(["--urls", "http://127.0.0.1:0", "--knowledge", Knowledge.KnowledgePath, "--data", Knowledge.DataPath, .. Knowledge.StorageArgs, .. _extraArgs]);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseAddress = new Uri(address + "/");
        Client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        await _app.Services.GetRequiredService<CollectionState>().Ready.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        Knowledge.Dispose();
    }
}
