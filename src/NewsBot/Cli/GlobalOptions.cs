using System.CommandLine;

namespace NewsBot.Cli;

/// <summary>Options every command takes: where the articles and the data folder are.</summary>
internal sealed class GlobalOptions
{
    public Option<string?> Knowledge { get; } = new("--knowledge")
    {
        Description = "Folder of curated Markdown articles (default: the repository's knowledge/; config Knowledge:Path)",
        HelpName = "DIR",
        Recursive = true,
    };

    public Option<string?> Data { get; } = new("--data")
    {
        Description = "Data folder for the index (default: .newsbot/ beside the knowledge folder; config Storage:Path)",
        HelpName = "DIR",
        Recursive = true,
    };

    public Option<string?> Semantic { get; } = CreateSemantic();

    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print JSON instead of text",
    };

    private static Option<string?> CreateSemantic()
    {
        var option = new Option<string?>("--semantic")
        {
            Description = "Rank by meaning too (local embeddings fused with BM25) or by BM25 alone (default: on; config Knowledge:Semantic)",
            HelpName = "on|off",
            Recursive = true,
        };
        option.AcceptOnlyFromAmong("on", "off");
        return option;
    }
}
