using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using NewsBot.Collection;
using NewsBot.Configuration;
using NewsBot.Tests.Http;
using NewsBot.Tests.Storage;
using Newtonsoft.Json.Linq;

namespace NewsBot.Tests.Replicas;

/// <summary>
/// Several instances of the real bot as replicas are deployed: one knowledge folder and one PostgreSQL schema shared,
/// a data folder (index) each. Activity JSON goes to the chosen replica's <c>/api/messages</c>; every replica's replies
/// arrive at one <see cref="CaptureConnector"/>. Skips the calling test without a PostgreSQL server.
/// </summary>
internal sealed class ReplicaSet : IAsyncDisposable
{
    private readonly TestKnowledge _knowledge;
    private readonly TestStore _store;
    private readonly List<Replica> _replicas;

    private ReplicaSet(TestKnowledge knowledge, TestStore store, List<Replica> replicas, CaptureConnector connector)
    {
        _knowledge = knowledge;
        _store = store;
        _replicas = replicas;
        Connector = connector;
    }

    public CaptureConnector Connector { get; }

    public TestKnowledge Knowledge => _knowledge;

    public IServiceProvider Services(int replica) => _replicas[replica].Services;

    public HttpClient Client(int replica) => _replicas[replica].CreateClient();

    /// <param name="services">Changes to replica i's services (e.g. one that never answers Slack), or null.</param>
    public static async Task<ReplicaSet> StartAsync(int count, IReadOnlyDictionary<string, string>? settings = null, Action<int, IServiceCollection>? services = null)
    {
        PostgresServer.SkipUnlessAvailable();
        var knowledge = new TestKnowledge();
        var store = TestStore.Create(StorageProvider.Postgres);
        var replicas = Enumerable.Range(0, count)
            .Select(i => new Replica(knowledge.KnowledgePath, Path.Combine(knowledge.Root, $"data-{i}"), store.ConnectionString, settings, s => services?.Invoke(i, s)))
            .ToList();
        var connector = await CaptureConnector.StartAsync();
        foreach (var replica in replicas)
        {
            _ = replica.Server;
            await replica.Services.GetRequiredService<CollectionState>().Ready.WaitAsync(TimeSpan.FromSeconds(30));
        }

        return new ReplicaSet(knowledge, store, replicas, connector);
    }

    /// <summary>Posts a message from user-1 in <paramref name="conversation"/> to replica <paramref name="replica"/>; returns its first reply.</summary>
    public async Task<JObject> AskAsync(int replica, string text, string conversation = "conversation-1", JObject? value = null)
    {
        var activity = new JObject
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["timestamp"] = "2026-11-26T08:00:00Z",
            ["channelId"] = "webchat",
            ["serviceUrl"] = Connector.ServiceUrl,
            ["from"] = new JObject { ["id"] = "user-1", ["name"] = "Ada" },
            ["recipient"] = new JObject { ["id"] = "newsbot", ["name"] = "NewsBot" },
            ["conversation"] = new JObject { ["id"] = conversation },
            ["text"] = text,
        };
        if (value is not null)
        {
            activity["value"] = value;
        }

        using var client = _replicas[replica].CreateClient();
        using var content = new StringContent(activity.ToString(), Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(new Uri("/api/messages", UriKind.Relative), content);
        response.EnsureSuccessStatusCode();
        return await Connector.NextReplyAsync();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var replica in _replicas)
        {
            await replica.DisposeAsync();
        }

        await Connector.DisposeAsync();
        _store.Dispose();
        _knowledge.Dispose();
    }

    private sealed class Replica(string knowledge, string data, string connectionString, IReadOnlyDictionary<string, string>? settings, Action<IServiceCollection> services) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseSetting("Knowledge:Path", knowledge);
            builder.UseSetting("Knowledge:Semantic", "false");
            builder.UseSetting("Storage:Path", data);
            builder.UseSetting("Storage:Provider", "Postgres");
            builder.UseSetting("ConnectionStrings:NewsBot", connectionString);
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services);
        }
    }
}
