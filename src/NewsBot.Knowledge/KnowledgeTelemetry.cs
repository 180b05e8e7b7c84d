using System.Diagnostics;

namespace NewsBot.Knowledge;

/// <summary>
/// The knowledge library's trace source: a <c>semantic</c> span while a question is embedded for semantic ranking.
/// Nothing is recorded unless the host listens to <see cref="Name"/> (the bot's OpenTelemetry setup does).
/// </summary>
public static class KnowledgeTelemetry
{
    public const string Name = "NewsBot.Knowledge";

    /// <summary>Embedding a question for semantic ranking (the vector scan after it is part of the search).</summary>
    public const string Semantic = "semantic";

    internal static readonly ActivitySource Source = new(Name);
}
