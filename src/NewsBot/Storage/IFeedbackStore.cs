namespace NewsBot.Storage;

/// <summary>👍/👎 feedback on answers, stored with the question and the answered article.</summary>
public interface IFeedbackStore
{
    Task RecordAsync(FeedbackRecord record, CancellationToken cancellationToken);

    Task<IReadOnlyList<FeedbackRecord>> RecentAsync(int limit, CancellationToken cancellationToken);
}

/// <param name="Reaction">"like" or "dislike".</param>
/// <param name="Comment">Free text the user added (Teams' feedback form), if any.</param>
public sealed record FeedbackRecord(
    DateTimeOffset Time,
    string Channel,
    string ConversationType,
    string Question,
    string? ArticleId,
    string Reaction,
    string? Comment);
