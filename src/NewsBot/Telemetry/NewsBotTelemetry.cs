using System.Diagnostics;

namespace NewsBot.Telemetry;

/// <summary>
/// The names NewsBot's traces and metrics go by. A turn is traced as <c>turn</c> with the steps <c>receive</c>
/// (reading and authenticating the request), <c>route</c> (the command chosen, and its work beneath it),
/// <c>search</c> and <c>semantic</c> (the answer engine; <c>semantic</c> comes from the knowledge library's source),
/// <c>render</c> (the reply built) and <c>send</c> (each post to the channel); knowledge syncs as <c>sync</c>; digests
/// as <c>digest.pass</c> with a <c>digest.deliver</c> per conversation.
/// </summary>
public static class NewsBotTelemetry
{
    /// <summary>The bot's <see cref="ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/> name.</summary>
    public const string Name = "NewsBot";

    /// <summary>The knowledge library's source (the <c>semantic</c> step), see <see cref="Knowledge.KnowledgeTelemetry"/>.</summary>
    public const string KnowledgeName = Knowledge.KnowledgeTelemetry.Name;

    public const string Turn = "turn";
    public const string Receive = "receive";
    public const string Route = "route";
    public const string Search = "search";
    public const string Render = "render";
    public const string Send = "send";
    public const string Sync = "sync";
    public const string DigestPass = "digest.pass";
    public const string DigestDeliver = "digest.deliver";

    internal static readonly ActivitySource Source = new(Name);
}
