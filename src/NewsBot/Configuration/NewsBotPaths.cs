namespace NewsBot.Configuration;

/// <summary>
/// Resolves the knowledge and data folders. Given paths are taken relative to the working directory.
/// Without them, the repository's <c>knowledge/</c> is found by walking up from the working directory
/// and then from the app's own folder (so <c>dotnet run --project src/NewsBot</c> works from anywhere in the
/// repository), and the data folder defaults to <c>.newsbot/</c> beside the knowledge folder, never inside src/.
/// Called once, for the bot and the command line alike, by <see cref="NewsBotSettings"/>.
/// </summary>
public static class NewsBotPaths
{
    public const string DefaultKnowledgeFolder = "knowledge";
    public const string DefaultDataFolder = ".newsbot";

    public static (string Knowledge, string Data) Resolve(string? knowledge, string? data) =>
        Resolve(knowledge, data, Environment.CurrentDirectory, AppContext.BaseDirectory);

    internal static (string Knowledge, string Data) Resolve(string? knowledge, string? data, string workingDirectory, string appDirectory)
    {
        var knowledgePath = string.IsNullOrWhiteSpace(knowledge)
            ? FindUpwards(workingDirectory) ?? FindUpwards(appDirectory) ?? Path.Combine(workingDirectory, DefaultKnowledgeFolder)
            : Path.GetFullPath(knowledge, workingDirectory);
        var dataPath = string.IsNullOrWhiteSpace(data)
            ? Path.Combine(Path.GetDirectoryName(knowledgePath.TrimEnd(Path.DirectorySeparatorChar)) ?? workingDirectory, DefaultDataFolder)
            : Path.GetFullPath(data, workingDirectory);
        return (knowledgePath, dataPath);
    }

    private static string? FindUpwards(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, DefaultKnowledgeFolder);
            if (Directory.Exists(candidate) && File.Exists(Path.Combine(directory.FullName, "Bot.sln")))
            {
                return candidate;
            }
        }

        return null;
    }
}
