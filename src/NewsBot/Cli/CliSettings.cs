using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using NewsBot.Configuration;
using NewsBot.Curation;
using NewsBot.Hosting;
using NewsBot.Knowledge;

namespace NewsBot.Cli;

/// <summary>
/// The bot's settings as a command sees them: the same sources (<see cref="NewsBotConfiguration"/>), options and
/// validation (<see cref="NewsBotSettings"/>) as the bot's start, with the global options as command-line settings
/// (<c>--knowledge</c>, <c>--data</c>; <c>--semantic on|off</c> is <c>Knowledge:Semantic</c>). A bad setting throws
/// what the bot's start throws, which <see cref="CliApp"/> reports as the bot does (<see cref="SettingsError"/>).
/// </summary>
internal sealed record CliSettings(KnowledgeOptions Knowledge, StorageOptions Storage, CurationOptions Curation, DataPaths Paths)
{
    public static CliSettings Load(string? knowledge, string? data, string? semantic)
    {
        var args = new List<string>();
        if (knowledge is not null)
        {
            args.AddRange(["--knowledge", knowledge]);
        }

        if (data is not null)
        {
            args.AddRange(["--data", data]);
        }

        if (semantic is not null)
        {
            args.Add($"--{KnowledgeOptions.SectionName}:{nameof(KnowledgeOptions.Semantic)}={semantic == "on"}");
        }

        var configuration = new ConfigurationBuilder().AddNewsBotSources(args).Build();
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddNewsBotSettings();

        // A command waits for its vectors anyway: embed on every core (the bot keeps one core for answers).
        services.PostConfigure<KnowledgeOptions>(options => options.EmbeddingThreads = Math.Clamp(Environment.ProcessorCount, 1, 64));

        using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        return new CliSettings(
            provider.GetRequiredService<IOptions<KnowledgeOptions>>().Value,
            provider.GetRequiredService<IOptions<StorageOptions>>().Value,
            provider.GetRequiredService<IOptions<CurationOptions>>().Value,
            provider.GetRequiredService<DataPaths>());
    }
}
