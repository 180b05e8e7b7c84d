
namespace NewsBot.Storage;

/// <summary>The question log in the <c>questions</c> table.</summary>
internal sealed class SqliteQuestionLog(SqliteDatabase database) : IQuestionLog
{
    /// <summary>
    /// Unanswered questions grouped without case and surrounding white space. SQLite's lower() folds ASCII
    /// letters only. With one max() in the query, the bare <c>question</c> comes from the row holding the
    /// latest time: the most recent spelling stands for the group. Questions that asked what is new are left out (null
    /// in rows written before schema 8).
    /// </summary>
    private const string GapsSql = """
        SELECT trim(question, char(32, 9, 10, 13)) AS spelling, count(*) AS asked, max(time) AS last_asked
        FROM questions
        WHERE answered = 0 AND asks_for_news IS NOT 1 AND time >= $since
        GROUP BY lower(trim(question, char(32, 9, 10, 13)))
        ORDER BY asked DESC, last_asked DESC, spelling
        LIMIT $limit
        """;

    public Task RecordAsync(QuestionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return database.WriteAsync(
            async (transaction, token) =>
            {
                using var insert = SqliteDatabase.Command(
                    transaction,
                    """
                    INSERT INTO questions (time, channel, conversation_type, question, answered, top_article, confidence, asks_for_news)
                    VALUES ($time, $channel, $conversationType, $question, $answered, $topArticle, $confidence, $asksForNews)
                    """);
                insert.Parameters.AddWithValue("$time", SqliteTime.ToText(record.Time));
                insert.Parameters.AddWithValue("$channel", record.Channel);
                insert.Parameters.AddWithValue("$conversationType", record.ConversationType);
                insert.Parameters.AddWithValue("$question", record.Question);
                insert.Parameters.AddWithValue("$answered", record.Answered ? 1 : 0);
                insert.Parameters.AddWithValue("$topArticle", (object?)record.TopArticleId ?? DBNull.Value);
                insert.Parameters.AddWithValue("$confidence", record.Confidence);
                insert.Parameters.AddWithValue("$asksForNews", record.AsksForNews ? 1 : 0);
                await insert.ExecuteNonQueryAsync(token).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public async Task<IReadOnlyList<QuestionGap>> UnansweredSinceAsync(DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var gaps = new List<QuestionGap>();
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = GapsSql;
            command.Parameters.AddWithValue("$since", SqliteTime.ToText(since));
            command.Parameters.AddWithValue("$limit", limit);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    gaps.Add(new QuestionGap(reader.GetString(0), reader.GetInt32(1), SqliteTime.FromText(reader.GetString(2))));
                }
            }
        }

        return gaps;
    }
}
