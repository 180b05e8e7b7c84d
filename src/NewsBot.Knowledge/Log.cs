using Microsoft.Extensions.Logging;

namespace NewsBot.Knowledge;

internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Knowledge synced: {Added} added, {Updated} updated, {Removed} removed, {Unchanged} unchanged, {Skipped} skipped in {ElapsedMs:F0} ms")]
    public static partial void Synced(ILogger logger, int added, int updated, int removed, int unchanged, int skipped, double elapsedMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning,
        Message = "The index in {DataPath} is locked by another NewsBot process; answering from its last commit, read-only")]
    public static partial void ReadOnly(ILogger logger, string dataPath);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information,
        Message = "Embedded {Embedded} passages; vectors ready for {Ready} of {Total} passages")]
    public static partial void Embedded(ILogger logger, int embedded, int ready, int total);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error,
        Message = "Passage embedding failed; answers use BM25 alone")]
    public static partial void EmbeddingFailed(ILogger logger, Exception exception);
}
