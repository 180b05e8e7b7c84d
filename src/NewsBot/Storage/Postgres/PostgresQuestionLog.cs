namespace NewsBot.Storage.Postgres;

/// <summary>The question log in PostgreSQL's <c>questions</c> table: every replica's questions in one place, for <c>gaps</c>.</summary>
internal sealed class PostgresQuestionLog(PostgresDatabase database) : IQuestionLog
{
    /// <summary>
    /// Unanswered questions grouped without case and surrounding white space (space, tab, line feed, carriage return,
    /// as in SQLite), each group named by its most recent spelling; ties in count and time are ordered by spelling,
    /// byte by byte (<c>COLLATE "C"</c>). Questions that asked what is new are left out (null in rows written before
    /// schema version 5, or by a replica of an older version during a rolling deploy).
    /// </summary>
    private const string GapsSql = """
        SELECT spelling, asked, last_asked
        FROM (
            SELECT (array_agg(spelling ORDER BY time DESC, id DESC))[1] AS spelling, count(*) AS asked, max(time) AS last_asked
            FROM (
                SELECT id, time, btrim(question, E' \t\n\r') AS spelling
                FROM questions
                WHERE answered = false AND asks_for_news IS NOT TRUE AND time >= @since
            ) unanswered
            GROUP BY lower(spelling)
        ) gaps
        ORDER BY asked DESC, last_asked DESC, spelling COLLATE "C"
        LIMIT @limit
        """;

    public Task RecordAsync(QuestionRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return database.ExecuteAsync(
            """
            INSERT INTO questions (time, channel, conversation_type, question, answered, top_article, confidence, asks_for_news)
            VALUES (@time, @channel, @conversationType, @question, @answered, @topArticle, @confidence, @asksForNews)
            """,
            parameters =>
            {
                parameters.AddWithValue("time", record.Time.ToUniversalTime());
                parameters.AddWithValue("channel", record.Channel);
                parameters.AddWithValue("conversationType", record.ConversationType);
                parameters.AddWithValue("question", record.Question);
                parameters.AddWithValue("answered", record.Answered);
                parameters.AddWithValue("topArticle", (object?)record.TopArticleId ?? DBNull.Value);
                parameters.AddWithValue("confidence", record.Confidence);
                parameters.AddWithValue("asksForNews", record.AsksForNews);
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
            await using var command = new Npgsql.NpgsqlCommand(GapsSql, connection);
            command.Parameters.AddWithValue("since", since.ToUniversalTime());
            command.Parameters.AddWithValue("limit", limit);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    gaps.Add(new QuestionGap(reader.GetString(0), (int)reader.GetInt64(1), reader.GetFieldValue<DateTimeOffset>(2)));
                }
            }
        }

        return gaps;
    }
}
