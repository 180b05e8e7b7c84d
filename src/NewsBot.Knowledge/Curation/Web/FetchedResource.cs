namespace NewsBot.Knowledge.Curation.Web;

/// <summary>A page or feed as fetched: where it ended up after redirects, its bytes and what the server said they are.</summary>
/// <param name="Url">The address the body came from (after redirects).</param>
/// <param name="MediaType">The Content-Type's media type, lower case ("text/html").</param>
/// <param name="Charset">The Content-Type's charset, when the server named one.</param>
internal sealed record FetchedResource(Uri Url, byte[] Body, string MediaType, string? Charset);
