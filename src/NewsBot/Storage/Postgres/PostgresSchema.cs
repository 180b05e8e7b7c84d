namespace NewsBot.Storage.Postgres;

/// <summary>
/// The PostgreSQL schema, one migration per version, recorded in <c>newsbot_schema_versions</c>. The same tables as
/// <see cref="SqliteSchema"/>, with PostgreSQL's types (timestamptz, boolean, identity columns). A migration only ever
/// adds (tables, nullable columns, indexes), so replicas of the previous version keep working while a deploy rolls.
/// </summary>
internal static class PostgresSchema
{
    /// <summary>Migrations[n] takes a database from version n to n + 1.</summary>
    public static IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE bot_state (
            key     text PRIMARY KEY,
            json    text,
            etag    text,
            updated timestamptz NOT NULL
        );
        CREATE TABLE questions (
            id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            time              timestamptz NOT NULL,
            channel           text NOT NULL,
            conversation_type text NOT NULL,
            question          text NOT NULL,
            answered          boolean NOT NULL,
            top_article       text,
            confidence        double precision NOT NULL
        );
        CREATE INDEX questions_answered_time ON questions (answered, time);
        CREATE TABLE feedback (
            id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            time              timestamptz NOT NULL,
            channel           text NOT NULL,
            conversation_type text NOT NULL,
            question          text NOT NULL,
            article_id        text,
            reaction          text NOT NULL,
            comment           text
        );
        CREATE INDEX feedback_time ON feedback (time);
        CREATE TABLE digest_subscriptions (
            conversation_key text PRIMARY KEY,
            channel          text NOT NULL,
            reference        text NOT NULL,
            local_time       text NOT NULL,
            time_zone        text NOT NULL,
            weekdays_only    boolean NOT NULL,
            window_start     timestamptz NOT NULL,
            state            text NOT NULL,
            paused_reason    text,
            next_delivery    timestamptz NOT NULL,
            last_delivery    timestamptz,
            attempts         integer NOT NULL DEFAULT 0,
            created          timestamptz NOT NULL,
            claimed_by       text,
            claim_expires    timestamptz
        );
        CREATE INDEX digest_subscriptions_due ON digest_subscriptions (state, next_delivery);
        CREATE TABLE installations (
            conversation_key  text PRIMARY KEY,
            channel           text NOT NULL,
            conversation_type text NOT NULL,
            reference         text NOT NULL,
            installed         timestamptz NOT NULL,
            removed           timestamptz
        );
        """,
        """
        CREATE TABLE article_sightings (
            url        text PRIMARY KEY,
            first_seen timestamptz NOT NULL
        );
        """,
        """
        CREATE TABLE slack_events (
            key         text PRIMARY KEY,
            accepted_by text NOT NULL,
            accepted    timestamptz NOT NULL,
            expires     timestamptz NOT NULL
        );
        CREATE INDEX slack_events_expires ON slack_events (expires);
        """,
        """
        CREATE TABLE slack_replies (
            key           text PRIMARY KEY,
            work          text NOT NULL,
            accepted      timestamptz NOT NULL,
            accepted_by   text NOT NULL,
            claimed_by    text,
            claim_expires timestamptz NOT NULL,
            attempts      integer NOT NULL DEFAULT 0
        );
        CREATE INDEX slack_replies_claim_expires ON slack_replies (claim_expires);
        CREATE INDEX slack_replies_claimed_by ON slack_replies (claimed_by);
        """,
        """
        ALTER TABLE questions ADD COLUMN asks_for_news boolean;
        """,
    ];

    /// <summary>The version this build writes and reads.</summary>
    public static int Version => Migrations.Count;
}
