using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Collection;

namespace NewsBot.Tests.Security;

/// <summary>
/// The real app in a test server for hostile-input tests: settings in memory, every log entry captured, requests
/// seen as coming from <see cref="RemoteAddress"/> when set, and every outbound HTTP connection the app makes
/// recorded by host name and sent to 127.0.0.1 at the same port, so that a test can use a non-loopback service URL
/// and see whether the bot tried to call it without any traffic leaving the machine.
/// </summary>
internal sealed class SecurityBotFactory(TestKnowledge knowledge, IReadOnlyDictionary<string, string?>? settings = null) : WebApplicationFactory<Program>
{
    public LogCapture Logs { get; } = new();

    /// <summary>Host names of every outbound connection the app opened (through IHttpClientFactory).</summary>
    public ConcurrentQueue<string> OutboundHosts { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));

    /// <summary>When set, every request looks as if it came from this address (no real connection is made from it).</summary>
    public IPAddress? RemoteAddress { get; init; }

    /// <summary>False leaves the digest delivery service out, so a test runs delivery passes itself.</summary>
    public bool RunDigestService { get; init; } = true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Knowledge:Path", knowledge.KnowledgePath);
        builder.UseSetting("Knowledge:Semantic", "false");
        builder.UseSetting("Storage:Path", knowledge.DataPath);
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            if (!RunDigestService)
            {
                foreach (var service in services.Where(d => d.ImplementationType == typeof(NewsBot.Digests.DigestDeliveryService)).ToList())
                {
                    services.Remove(service);
                }
            }

            if (RemoteAddress is { } remote)
            {
                services.AddSingleton<IStartupFilter>(new RemoteAddressFilter(remote));
            }

            services.ConfigureHttpClientDefaults(http => http.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                UseProxy = false,
                ConnectCallback = async (context, cancellationToken) =>
                {
                    OutboundHosts.Enqueue(context.DnsEndPoint.Host);
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                    try
                    {
                        await socket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, context.DnsEndPoint.Port), cancellationToken);
                        return new NetworkStream(socket, ownsSocket: true);
                    }
                    catch
                    {
                        socket.Dispose();
                        throw;
                    }
                },
            }));
        });
    }

    public Task ReadyAsync() => Services.GetRequiredService<CollectionState>().Ready.WaitAsync(TimeSpan.FromSeconds(30));

    private sealed class RemoteAddressFilter(IPAddress remote) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = remote;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
