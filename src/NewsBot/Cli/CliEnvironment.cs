using System.CommandLine;
using NewsBot.Knowledge;

namespace NewsBot.Cli;

/// <summary>What a command needs from outside: the settings (checked as the bot's start checks them), the clock and the writers.</summary>
internal sealed class CliEnvironment(ParseResult parse, GlobalOptions options, TimeProvider time)
{
    /// <summary>Loaded when the command starts: a bad setting stops every command that reads settings, as it stops the bot.</summary>
    public CliSettings Settings { get; } = CliSettings.Load(parse.GetValue(options.Knowledge), parse.GetValue(options.Data), parse.GetValue(options.Semantic));

    public TextWriter Out => parse.InvocationConfiguration.Output;

    public TextWriter Error => parse.InvocationConfiguration.Error;

    public TimeProvider Time => time;

    public bool Json => parse.GetValue(options.Json);

    /// <summary>Opens the knowledge base, or explains on standard error why it cannot (and returns null).</summary>
    public KnowledgeBase? OpenKnowledge(out KnowledgeOptions knowledgeOptions)
    {
        knowledgeOptions = Settings.Knowledge;
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
