namespace NewsBot.Knowledge.Answers;

/// <summary>The search knobs, with the tuned defaults of <see cref="AnswerDefaults"/>; evaluation may vary them. What the
/// answer model weighs after the search is fitted instead (<see cref="Decision.AnswerModel"/>).</summary>
internal sealed record RankingSettings
{
    public static RankingSettings Default { get; } = new();

    /// <summary>Weight of the <c>about</c> field (title, heading and tags) against the passage text.</summary>
    public float AboutBoost { get; init; } = AnswerDefaults.AboutBoost;

    /// <summary>Share of passages above which a question term is common: it then only scores passages that hold a rarer term.</summary>
    public double CommonTermShare { get; init; } = AnswerDefaults.CommonTermShare;

    /// <summary>No term is common in a collection of fewer passages than this: small collections are fast anyway.</summary>
    public int MinCommonPassages { get; init; } = AnswerDefaults.MinCommonPassages;

    public float ProximityBoost { get; init; } = AnswerDefaults.ProximityBoost;

    public int ProximitySlop { get; init; } = AnswerDefaults.ProximitySlop;

    /// <summary>Share of the vector similarity in a fused score (the rest is BM25), when vectors are ready.</summary>
    public double SemanticWeight { get; init; } = AnswerDefaults.SemanticWeight;
}
