using NewsBot.Configuration;

namespace NewsBot.Hosting;

/// <summary>Where the bot reads articles and keeps its data, resolved once at startup.</summary>
/// <param name="Knowledge">Absolute path of the knowledge folder.</param>
/// <param name="Data">Absolute path of the data folder (index, SQLite database).</param>
public sealed record DataPaths(string Knowledge, string Data)
{
    /// <summary>The SQLite database of bot state, question log and feedback.</summary>
    public string Database => Path.Combine(Data, "newsbot.db");

    public static DataPaths FromConfiguration(IConfiguration configuration)
    {
        var (knowledge, data) = NewsBotPaths.Resolve(configuration["Knowledge:Path"], configuration["Storage:Path"]);
        return new DataPaths(knowledge, data);
    }
}
