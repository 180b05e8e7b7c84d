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
}
