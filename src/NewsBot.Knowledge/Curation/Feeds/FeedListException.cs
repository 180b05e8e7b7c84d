namespace NewsBot.Knowledge.Curation.Feeds;

/// <summary><c>_feeds.yml</c> cannot be used; the message names the file and line, like <c>lint</c>'s.</summary>
public sealed class FeedListException : Exception
{
    public FeedListException()
    {
    }

    public FeedListException(string message)
        : base(message)
    {
    }

    public FeedListException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
