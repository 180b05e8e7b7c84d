namespace NewsBot.Storage;

/// <summary>Every question asked, so curators can see what the collection does not answer. Holds no user names.</summary>
public interface IQuestionLog
{
    Task RecordAsync(QuestionRecord record, CancellationToken cancellationToken);

    /// <summary>The most frequent unanswered questions asked since <paramref name="since"/>, most frequent first. A question
    /// that only asked what is new ("what's new?") is no gap: no article could answer it, and it got the newest ones.</summary>
    Task<IReadOnlyList<QuestionGap>> UnansweredSinceAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken);
}

/// <param name="ConversationType">"personal", "channel", "groupChat" (Teams) or the channel's own word; never a user name.</param>
/// <param name="TopArticleId">The lead article when answered, else the closest one (null when nothing matched).</param>
public sealed record QuestionRecord(
    DateTimeOffset Time,
    string Channel,
    string ConversationType,
    string Question,
    bool Answered,
    string? TopArticleId,
    double Confidence)
{
    /// <summary>The question asked what is new and nothing more, and got the newest articles instead of a passage.</summary>
    public bool AsksForNews { get; init; }
}

/// <summary>An unanswered question (compared without case and surrounding spaces), how often and when last asked.</summary>
public sealed record QuestionGap(string Question, int Count, DateTimeOffset LastAsked);
