using System.CommandLine;
using Microsoft.Extensions.Configuration;
using NewsBot.Configuration;
using NewsBot.Knowledge;

namespace NewsBot.Cli;

/// <summary>What a command needs from outside: configuration, resolved folders, the clock and the writers.</summary>
internal sealed class CliEnvironment(ParseResult parse, GlobalOptions options, TimeProvider time)
{
    public TextWriter Out => parse.InvocationConfiguration.Output;

    public TextWriter Error => parse.InvocationConfiguration.Error;

    public TimeProvider Time => time;

    public bool Json => parse.GetValue(options.Json);

    /// <summary>Knowledge options from configuration (appsettings.json, NEWSBOT-style environment variables such
    /// as <c>Knowledge__Path</c>), with --knowledge and --data taking precedence.</summary>
    public KnowledgeOptions KnowledgeOptions()
    {
        var configuration = Configuration();
        var knowledge = configuration.GetSection(Knowledge.KnowledgeOptions.SectionName).Get<KnowledgeOptions>() ?? new KnowledgeOptions();
        var storage = configuration.GetSection(NewsBot.Configuration.StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        var configuredKnowledge = parse.GetValue(options.Knowledge)
            ?? configuration[$"{Knowledge.KnowledgeOptions.SectionName}:{nameof(Knowledge.KnowledgeOptions.Path)}"];
        var (knowledgePath, dataPath) = NewsBotPaths.Resolve(configuredKnowledge, parse.GetValue(options.Data) ?? storage.Path);
        knowledge.Path = knowledgePath;
        knowledge.DataPath = dataPath;
        if (parse.GetValue(options.Semantic) is { } semantic)
        {
            knowledge.Semantic = semantic == "on";
        }

        // A command waits for its vectors anyway: embed on every core (the bot keeps one core for answers).
        knowledge.EmbeddingThreads = Environment.ProcessorCount;
        return knowledge;
    }

    /// <summary>
    /// Storage settings from configuration (<c>Storage:Provider</c>, <c>ConnectionStrings:NewsBot</c>, environment
    /// <c>Storage__Provider</c> and <c>ConnectionStrings__NewsBot</c>), with the data folder as --data and --knowledge resolve it.
    /// </summary>
    public StorageOptions StorageOptions()
    {
        var configuration = Configuration();
        var storage = configuration.GetSection(NewsBot.Configuration.StorageOptions.SectionName).Get<StorageOptions>() ?? new StorageOptions();
        storage.ConnectionString ??= configuration.GetConnectionString(NewsBot.Configuration.StorageOptions.ConnectionStringName);
        storage.Path = KnowledgeOptions().DataPath;
        return storage;
    }

    /// <summary>appsettings.json beside the program, then environment variables (<c>Curation__AllowPrivateHosts</c>).</summary>
    public static IConfiguration Configuration() => new ConfigurationBuilder()
        .SetBasePath(AppContext.BaseDirectory)
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .Build();

    /// <summary>Opens the knowledge base, or explains on standard error why it cannot (and returns null).</summary>
    public KnowledgeBase? OpenKnowledge(out KnowledgeOptions knowledgeOptions)
    {
        knowledgeOptions = KnowledgeOptions();
        if (!Directory.Exists(knowledgeOptions.Path))
        {
            Error.WriteLine($"error: knowledge folder not found: {knowledgeOptions.Path} (pass --knowledge DIR)");
            return null;
        }

        return KnowledgeBase.Open(knowledgeOptions, Time);
    }

    /// <summary>Syncs before answering so that answers reflect the folder; read-only indexes answer as they are.</summary>
    public void SyncQuietly(KnowledgeBase knowledge)
    {
        if (knowledge.IsReadOnly)
        {
            Error.WriteLine("note: another NewsBot process holds the index; answering from its last sync");
            return;
        }

        var report = knowledge.Sync();
        var broken = report.Problems.Where(p => p.Severity == Knowledge.Articles.ProblemSeverity.Error).Select(p => p.Path).Distinct().Count();
        if (broken > 0)
        {
            Error.WriteLine($"warning: {broken} article file(s) have errors and were skipped; run 'lint' for details");
        }

        WaitForVectors(knowledge);
    }

    /// <summary>
    /// Embeds the passages that have no vector yet, so that a command's answers do not depend on how far the
    /// background embedding got. Only new passages are embedded: vectors are cached in the data folder.
    /// </summary>
    public void WaitForVectors(KnowledgeBase knowledge)
    {
        if (knowledge.Stats.Vectors is not { } vectors)
        {
            return;
        }

        if (!vectors.Complete)
        {
            var missing = Math.Max(knowledge.Stats.Passages - vectors.Ready, 0);
            Error.WriteLine($"note: embedding {missing} passage(s) for semantic ranking (cached: next time only new passages are embedded; --semantic off skips this)");
        }

        knowledge.WhenVectorsReadyAsync().GetAwaiter().GetResult();
        if (knowledge.Stats.Vectors is { Problem: { } problem })
        {
            Error.WriteLine($"warning: semantic ranking is unavailable ({problem}); answering by BM25 alone");
        }
    }
}
