using System.ComponentModel.DataAnnotations;

namespace NewsBot.Knowledge;

/// <summary>Where the articles and the index live, and how sure an answer must be. Section "Knowledge".</summary>
public sealed class KnowledgeOptions
{
    public const string SectionName = "Knowledge";

    public const int DefaultMaxArticleBytes = 1024 * 1024;

    /// <summary>Folder of curated Markdown articles. Default: the repository's <c>knowledge/</c>.</summary>
    [Required]
    public string Path { get; set; } = "knowledge";

    /// <summary>Data folder for the index (and the bot's store). Default: <c>.newsbot/</c> at the repository root.</summary>
    [Required]
    public string DataPath { get; set; } = ".newsbot";

    /// <summary>
    /// The confidence (0–1, the answer model's probability that the best passage answers the question) below which
    /// the engine answers "not in the curated news". Unset, the model's own threshold applies, fitted with
    /// cross-validation on the development questions (docs/answer-engine.md).
    /// </summary>
    [Range(0.0, 1.0)]
    public double? MinConfidence { get; set; }

    /// <summary>
    /// Ranks by meaning as well as by words: passages are embedded in the background with a local model
    /// (all-MiniLM-L6-v2, no network) and vector similarity is fused with BM25. Off gives the pure BM25 engine.
    /// </summary>
    public bool Semantic { get; set; } = true;

    /// <summary>Passages embedded at once in the background, one core each. The default 1 leaves the other
    /// cores to answering; the command line uses every core.</summary>
    [Range(1, 64)]
    public int EmbeddingThreads { get; set; } = 1;

    /// <summary>
    /// Largest article file read, in bytes; a larger one is reported by <c>lint</c> and <c>index</c> with its name and
    /// never read (articles are a few kilobytes). Default 1 MiB.
    /// </summary>
    [Range(1024, 64 * 1024 * 1024)]
    public int MaxArticleBytes { get; set; } = DefaultMaxArticleBytes;

    /// <summary>
    /// After the index opens and after each sync, packs the long posting lists of new segments into memory on a
    /// background thread (at most 64 MB in all; about 0.7 s of one core and 29 MB at 50,000 articles), so that the
    /// first questions do not pack them while answering. Off, each question packs the lists it needs.
    /// </summary>
    public bool WarmUp { get; set; } = true;

    /// <summary>
    /// With <see cref="WarmUp"/>, the memory in megabytes that the positions of the longest passage-text lists may take
    /// when packed ahead of questions (default 32: the longest 500 or so lists, about 0.5 s of one core at 50,000
    /// articles), so that a question's word pair seldom packs a long list's positions while answering. Questions pack
    /// the shorter lists they need as before; 0 packs none ahead.
    /// </summary>
    [Range(0, 1024)]
    public int WarmUpPositionMegabytes { get; set; } = (int)(Indexing.PositionsWarmup.MaxBytes / (1024 * 1024));

    /// <summary>Number of results an answer holds unless the caller asks for another count.</summary>
    [Range(1, 50)]
    public int Top { get; set; } = 3;
}
