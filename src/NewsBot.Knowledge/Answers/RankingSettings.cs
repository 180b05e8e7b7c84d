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
}
