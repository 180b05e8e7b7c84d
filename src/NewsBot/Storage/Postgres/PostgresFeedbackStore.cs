namespace NewsBot.Storage.Postgres;

/// <summary>Feedback in PostgreSQL's <c>feedback</c> table.</summary>
internal sealed class PostgresFeedbackStore(PostgresDatabase database) : IFeedbackStore
{
    public Task RecordAsync(FeedbackRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        return database.ExecuteAsync(
            """
            INSERT INTO feedback (time, channel, conversation_type, question, article_id, reaction, comment)
            VALUES (@time, @channel, @conversationType, @question, @articleId, @reaction, @comment)
            """,
            parameters =>
            {
                parameters.AddWithValue("time", record.Time.ToUniversalTime());
                parameters.AddWithValue("channel", record.Channel);
                parameters.AddWithValue("conversationType", record.ConversationType);
                parameters.AddWithValue("question", record.Question);
                parameters.AddWithValue("articleId", (object?)record.ArticleId ?? DBNull.Value);
                parameters.AddWithValue("reaction", record.Reaction);
                parameters.AddWithValue("comment", (object?)record.Comment ?? DBNull.Value);
            },
            cancellationToken);
    }

    /// <summary>The latest <paramref name="limit"/> records, newest first.</summary>
    public async Task<IReadOnlyList<FeedbackRecord>> RecentAsync(int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(limit);
        var records = new List<FeedbackRecord>();
        var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new Npgsql.NpgsqlCommand(
                """
                SELECT time, channel, conversation_type, question, article_id, reaction, comment
                FROM feedback
                ORDER BY time DESC, id DESC
                LIMIT @limit
                """,
                connection);
            command.Parameters.AddWithValue("limit", limit);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    records.Add(new FeedbackRecord(
                        reader.GetFieldValue<DateTimeOffset>(0),
                        reader.GetString(1),
                        reader.GetString(2),
                        reader.GetString(3),
                        reader.IsDBNull(4) ? null : reader.GetString(4),
                        reader.GetString(5),
                        reader.IsDBNull(6) ? null : reader.GetString(6)));
                }
            }
        }

        return records;
    }
}
