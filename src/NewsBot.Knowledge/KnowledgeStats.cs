namespace NewsBot.Knowledge;

/// <summary>Size and freshness of the served collection.</summary>
/// <param name="LastSync">End of the last completed sync, or null before the first one.</param>
/// <param name="LastPublished">Publication date of the newest article.</param>
/// <param name="Vectors">Progress of semantic ranking; null when it is off.</param>
public sealed record KnowledgeStats(int Articles, int Passages, DateTimeOffset? LastSync, DateTimeOffset? LastPublished, VectorStats? Vectors = null);

/// <summary>How many passages have their vector (and so rank by BM25 and meaning, the others by BM25 alone).</summary>
/// <param name="Problem">Why embedding stopped (the model could not load, say); answers then use BM25 alone.</param>
/// <param name="Embedding">True while passages of the last sync are being embedded.</param>
public sealed record VectorStats(string Model, int Ready, int Total, string? Problem = null, bool Embedding = false)
{
    public bool Complete => Ready >= Total && Problem is null && !Embedding;
}
