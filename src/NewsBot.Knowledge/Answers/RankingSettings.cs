namespace NewsBot.Knowledge.Answers;

/// <summary>The ranking knobs, with the tuned defaults of <see cref="AnswerDefaults"/>; evaluation may vary them.</summary>
internal sealed record RankingSettings
{
    public static RankingSettings Default { get; } = new();

    public float TitleBoost { get; init; } = AnswerDefaults.TitleBoost;

    public float HeadingBoost { get; init; } = AnswerDefaults.HeadingBoost;

    public float TagsBoost { get; init; } = AnswerDefaults.TagsBoost;

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
