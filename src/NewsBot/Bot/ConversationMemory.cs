using Microsoft.Bot.Builder;

namespace NewsBot.Bot;

/// <summary>
/// What the bot remembers of a conversation, in Bot Framework conversation state (stored in SQLite):
/// the last question and how many of its results were shown (for "more"), and which answer message
/// answered which question (for feedback).
/// </summary>
public sealed class ConversationMemory(ConversationState state)
{
    private const int RememberedAnswers = 50;

    private readonly IStatePropertyAccessor<LastQuestion> _lastQuestion = state.CreateProperty<LastQuestion>("lastQuestion");
    private readonly IStatePropertyAccessor<AnsweredMessages> _answers = state.CreateProperty<AnsweredMessages>("answers");

    public Task<LastQuestion?> LastQuestionAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        _lastQuestion.GetAsync(turnContext, () => null!, cancellationToken)!;

    public Task SetLastQuestionAsync(ITurnContext turnContext, LastQuestion question, CancellationToken cancellationToken) =>
        _lastQuestion.SetAsync(turnContext, question, cancellationToken);

    /// <summary>Remembers that message <paramref name="messageId"/> answered <paramref name="question"/> with <paramref name="articleId"/>.</summary>
    public async Task RememberAnswerAsync(ITurnContext turnContext, string? messageId, string question, string? articleId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(messageId))
        {
            return;
        }

        var answers = await _answers.GetAsync(turnContext, () => new AnsweredMessages(), cancellationToken).ConfigureAwait(false);
        answers.Items.Add(new AnsweredMessage(messageId, question, articleId));
        if (answers.Items.Count > RememberedAnswers)
        {
            answers.Items.RemoveRange(0, answers.Items.Count - RememberedAnswers);
        }

        await _answers.SetAsync(turnContext, answers, cancellationToken).ConfigureAwait(false);
    }

    public async Task<AnsweredMessage?> FindAnswerAsync(ITurnContext turnContext, string? messageId, CancellationToken cancellationToken)
    {
        var answers = await _answers.GetAsync(turnContext, () => new AnsweredMessages(), cancellationToken).ConfigureAwait(false);
        return answers.Items.LastOrDefault(a => a.MessageId == messageId);
    }

    public Task SaveAsync(ITurnContext turnContext, CancellationToken cancellationToken) =>
        state.SaveChangesAsync(turnContext, force: false, cancellationToken);
}

/// <param name="Shown">How many of the question's results the conversation has seen.</param>
public sealed record LastQuestion(string Question, int Shown);

public sealed class AnsweredMessages
{
    public List<AnsweredMessage> Items { get; init; } = [];
}

public sealed record AnsweredMessage(string MessageId, string Question, string? ArticleId);
