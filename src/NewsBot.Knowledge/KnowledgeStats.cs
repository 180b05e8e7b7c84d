namespace NewsBot.Knowledge;

/// <summary>Size and freshness of the served collection.</summary>
/// <param name="LastSync">End of the last completed sync, or null before the first one.</param>
/// <param name="LastPublished">Publication date of the newest article.</param>
public sealed record KnowledgeStats(int Articles, int Passages, DateTimeOffset? LastSync, DateTimeOffset? LastPublished);
