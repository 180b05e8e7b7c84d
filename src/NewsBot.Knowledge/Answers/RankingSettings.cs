namespace NewsBot.Knowledge.Answers;

/// <summary>The ranking knobs, with the tuned defaults of <see cref="AnswerDefaults"/>; evaluation may vary them.</summary>
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

    public double FreshnessScoreRatio { get; init; } = AnswerDefaults.FreshnessScoreRatio;

    public double FreshnessCoverageSlack { get; init; } = AnswerDefaults.FreshnessCoverageSlack;

    /// <summary>With vectors, an article answers the question too only when its cosine is within this of the best article's.</summary>
    public double FreshnessCosineSlack { get; init; } = AnswerDefaults.FreshnessCosineSlack;

    /// <summary>How much a passage's cosine moves its confidence (per unit of cosine away from the pivot).</summary>
    public double SemanticConfidenceWeight { get; init; } = AnswerDefaults.SemanticConfidenceWeight;

    /// <summary>The cosine at which the semantic signal leaves confidence unchanged.</summary>
    public double SemanticConfidencePivot { get; init; } = AnswerDefaults.SemanticConfidencePivot;

    /// <summary>Share of the vector similarity in a fused score (the rest is BM25), when vectors are ready.</summary>
    public double SemanticWeight { get; init; } = AnswerDefaults.SemanticWeight;
}
