namespace NewsBot.Knowledge.Curation.Web;

/// <summary>A page or feed could not be fetched; the message is one line for the curator ("the server answered 404 Not Found").</summary>
public sealed class FetchException : Exception
{
    public FetchException()
    {
    }

    public FetchException(string message)
        : base(message)
    {
    }

    public FetchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
