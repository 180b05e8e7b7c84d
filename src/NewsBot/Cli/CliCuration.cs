using NewsBot.Curation;
using NewsBot.Knowledge.Curation;

namespace NewsBot.Cli;

/// <summary>What <c>add</c>, <c>publish</c> and <c>feeds</c> share: the Curation settings and the desk over the knowledge folder.</summary>
internal static class CliCuration
{
    /// <summary>Opens the desk, or explains on standard error why it cannot (and returns null).</summary>
    public static CurationDesk? Open(CliEnvironment environment, out CurationOptions options)
    {
        options = environment.Settings.Curation;
        var knowledge = environment.Settings.Knowledge;
        if (!Directory.Exists(knowledge.Path))
        {
            environment.Error.WriteLine($"error: knowledge folder not found: {knowledge.Path} (pass --knowledge DIR)");
            return null;
        }

        return new CurationDesk(knowledge.Path, options.Limits, environment.Time);
    }
}
