namespace NewsBot.Configuration;

/// <summary>
/// Where settings come from, for the bot and for every command alike, later sources winning: <c>appsettings.json</c>
/// beside the program, environment variables (<c>Knowledge__Path</c>, <c>ConnectionStrings__NewsBot</c>), then the
/// command line, where <c>--knowledge</c> and <c>--data</c> are <c>Knowledge:Path</c> and <c>Storage:Path</c>.
/// </summary>
public static class NewsBotConfiguration
{
    /// <summary>Command-line switches that are settings under another name.</summary>
    public static IReadOnlyDictionary<string, string> Switches { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["--knowledge"] = "Knowledge:Path",
        ["--data"] = "Storage:Path",
    };

    public static IConfigurationBuilder AddNewsBotSources(this IConfigurationBuilder configuration, IEnumerable<string> args)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddCommandLine([.. args], Switches.ToDictionary(StringComparer.Ordinal));
    }
}
