namespace NewsBot.Knowledge;

/// <summary>Tuned defaults of the search; docs/answer-engine.md says how each was chosen. The answer model's fitted
/// parameters live in Answers/Decision/answer-model.json.</summary>
internal static class AnswerDefaults
{
    /// <summary>BM25 term-frequency saturation, tuned on SciFact and the golden questions.</summary>
    public const float K1 = 0.9f;

    /// <summary>BM25 length normalisation.</summary>
    public const float B = 0.4f;

    /// <summary>Title, heading and tags weigh like the passage text (the title alone was tuned at 1.0 on SciFact).</summary>
    public const float AboutBoost = 1.0f;
    /// <summary>A question term in more than this share of passages is common (see <c>QuestionQuery</c>).</summary>
    public const double CommonTermShare = 0.02;

    /// <summary>A term is never common below this many passages holding it.</summary>
    public const int MinCommonPassages = 5000;

    public const float ProximityBoost = 0.5f;
    public const int ProximitySlop = 3;

    /// <summary>Equal weights for BM25 and vector similarity, as in the SciFact measurements (docs/answer-engine.md).</summary>
    public const double SemanticWeight = 0.5;
}
