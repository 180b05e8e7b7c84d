using System.Globalization;
using System.Security.Cryptography;

namespace NewsBot.Hosting;

/// <summary>
/// This process among the bot's replicas: "host/pid/random", unique across restarts. It names the digest claims and the
/// Slack questions a replica holds (so what a killed process left can be told apart from its restarted successor's) and
/// is the OpenTelemetry <c>service.instance.id</c>.
/// </summary>
public sealed class ReplicaIdentity
{
    public ReplicaIdentity()
        : this(Environment.MachineName, Environment.ProcessId)
    {
    }

    internal ReplicaIdentity(string host, int processId) =>
        Id = string.Create(CultureInfo.InvariantCulture, $"{host}/{processId}/{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}");

    public string Id { get; }

    public override string ToString() => Id;
}
