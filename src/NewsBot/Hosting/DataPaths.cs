using NewsBot.Knowledge;

namespace NewsBot.Hosting;

/// <summary>Where the bot reads articles and keeps its data, resolved once (<see cref="Configuration.NewsBotSettings"/>).</summary>
/// <param name="Knowledge">Absolute path of the knowledge folder.</param>
/// <param name="Data">Absolute path of the data folder (index, SQLite database).</param>
public sealed record DataPaths(string Knowledge, string Data)
{
    /// <summary>The SQLite database of bot state, question log and feedback.</summary>
    public string Database => Path.Combine(Data, "newsbot.db");

    /// <summary>The folders of knowledge options whose paths are already resolved.</summary>
    public static DataPaths Of(KnowledgeOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new DataPaths(options.Path, options.DataPath);
    }
}
