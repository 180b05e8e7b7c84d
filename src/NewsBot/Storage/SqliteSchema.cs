namespace NewsBot.Storage;

/// <summary>
/// The database schema, one migration per version. <c>PRAGMA user_version</c> holds the version a file is at;
/// a migration only ever adds, so an older NewsBot refuses a newer file instead of misreading it.
/// </summary>
internal static class SqliteSchema
{
    /// <summary>Migrations[n] takes a file from version n to n + 1.</summary>
    public static IReadOnlyList<string> Migrations { get; } =
    [
        """
        CREATE TABLE bot_state (
            key     TEXT PRIMARY KEY NOT NULL,
            json    TEXT,
            etag    TEXT,
            updated TEXT NOT NULL
        );
        CREATE TABLE questions (
            id                INTEGER PRIMARY KEY,
            time              TEXT NOT NULL,
            channel           TEXT NOT NULL,
            conversation_type TEXT NOT NULL,
            question          TEXT NOT NULL,
            answered          INTEGER NOT NULL,
            top_article       TEXT,
            confidence        REAL NOT NULL
        );
        CREATE INDEX questions_answered_time ON questions (answered, time);
        CREATE TABLE feedback (
            id                INTEGER PRIMARY KEY,
            time              TEXT NOT NULL,
            channel           TEXT NOT NULL,
            conversation_type TEXT NOT NULL,
            question          TEXT NOT NULL,
            article_id        TEXT,
            reaction          TEXT NOT NULL,
            comment           TEXT
        );
        CREATE INDEX feedback_time ON feedback (time);
        """,
        """
        CREATE TABLE digest_subscriptions (
            conversation_key TEXT PRIMARY KEY NOT NULL,
            channel          TEXT NOT NULL,
            reference        TEXT NOT NULL,
            local_time       TEXT NOT NULL,
            time_zone        TEXT NOT NULL,
            weekdays_only    INTEGER NOT NULL,
            window_start     TEXT NOT NULL,
            state            TEXT NOT NULL,
            paused_reason    TEXT,
            next_delivery    TEXT NOT NULL,
            last_delivery    TEXT,
            attempts         INTEGER NOT NULL DEFAULT 0,
            created          TEXT NOT NULL
        );
        CREATE INDEX digest_subscriptions_due ON digest_subscriptions (state, next_delivery);
        """,
        """
        CREATE TABLE installations (
            conversation_key  TEXT PRIMARY KEY NOT NULL,
            channel           TEXT NOT NULL,
            conversation_type TEXT NOT NULL,
            reference         TEXT NOT NULL,
            installed         TEXT NOT NULL,
            removed           TEXT
        );
        """,
        """
        ALTER TABLE digest_subscriptions ADD COLUMN claimed_by TEXT;
        ALTER TABLE digest_subscriptions ADD COLUMN claim_expires TEXT;
        """,
        """
        CREATE TABLE article_sightings (
            url        TEXT PRIMARY KEY NOT NULL,
            first_seen TEXT NOT NULL
        );
        """,
        """
        CREATE TABLE slack_events (
            key         TEXT PRIMARY KEY NOT NULL,
            accepted_by TEXT NOT NULL,
            accepted    TEXT NOT NULL,
            expires     TEXT NOT NULL
        );
        CREATE INDEX slack_events_expires ON slack_events (expires);
        """,
        """
        CREATE TABLE slack_replies (
            key           TEXT PRIMARY KEY NOT NULL,
            work          TEXT NOT NULL,
            accepted      TEXT NOT NULL,
            accepted_by   TEXT NOT NULL,
            claimed_by    TEXT,
            claim_expires TEXT NOT NULL,
            attempts      INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX slack_replies_claim_expires ON slack_replies (claim_expires);
        CREATE INDEX slack_replies_claimed_by ON slack_replies (claimed_by);
        """,
        """
        ALTER TABLE questions ADD COLUMN asks_for_news INTEGER;
        """,
    ];

    /// <summary>The version this build writes and reads.</summary>
    public static int Version => Migrations.Count;
}
