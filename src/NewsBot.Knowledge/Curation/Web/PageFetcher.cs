using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace NewsBot.Knowledge.Curation.Web;

/// <summary>
/// Fetches a page or a feed the careful way: http and https only, every address checked before connecting (so DNS
/// cannot point a public name at the bot's own network), redirects followed by hand and counted, one deadline for the
/// whole fetch on the injected clock, and the body read up to a size limit. Every failure is a
/// <see cref="FetchException"/> with a one-line message.
/// </summary>
internal sealed class PageFetcher : IDisposable
{
    public const string UserAgent = "NewsBot/1.0 (curation: drafts reviewed by a person)";

    private readonly FetchLimits _limits;
    private readonly TimeProvider _time;
    private readonly HttpClient _client;

    public PageFetcher(FetchLimits limits, TimeProvider time)
    {
        _limits = limits;
        _time = time;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.All,
            UseCookies = false,

            // A proxy would connect on our behalf, past the address check.
            UseProxy = false,
            ConnectTimeout = limits.Timeout,
            ConnectCallback = ConnectAsync,
            MaxResponseHeadersLength = 64,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        _client = new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
        _client.DefaultRequestHeaders.UserAgent.ParseAdd(UserAgent);
    }

    /// <param name="accepts">True for the media types this fetch wants ("text/html"); anything else is refused unread.</param>
    /// <param name="what">What is fetched, for messages ("an HTML page").</param>
    public async Task<FetchedResource> FetchAsync(Uri url, Func<string, bool> accepts, string what, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        using var deadline = new CancellationTokenSource(_limits.Timeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token, cancellationToken);
        try
        {
            return await FetchFollowingRedirectsAsync(url, accepts, what, linked.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new FetchException($"no complete answer from {url.Host} within {Seconds(_limits.Timeout)} (timeout)");
        }
    }

    private async Task<FetchedResource> FetchFollowingRedirectsAsync(Uri url, Func<string, bool> accepts, string what, CancellationToken cancellationToken)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        var current = url;
        for (var redirects = 0; ; redirects++)
        {
            CheckAddress(current);
            if (!visited.Add(current.AbsoluteUri))
            {
                throw new FetchException($"redirect loop: {current.AbsoluteUri} redirects back to an address already visited");
            }

            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.1");
            using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (IsRedirect(response.StatusCode))
            {
                if (redirects >= _limits.MaxRedirects)
                {
                    throw new FetchException($"more than {_limits.MaxRedirects} redirects from {url.AbsoluteUri}");
                }

                current = response.Headers.Location is { } location
                    ? new Uri(current, location)
                    : throw new FetchException($"{current.AbsoluteUri} redirects without saying where to ({(int)response.StatusCode})");
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new FetchException($"the server answered {(int)response.StatusCode} {response.ReasonPhrase} for {current.AbsoluteUri}");
            }

            var contentType = response.Content.Headers.ContentType;
            var mediaType = contentType?.MediaType?.ToLowerInvariant() ?? string.Empty;
            if (!accepts(mediaType))
            {
                throw new FetchException($"{current.AbsoluteUri} is not {what} (content type {(mediaType.Length == 0 ? "not given" : mediaType)})");
            }

            if (response.Content.Headers.ContentLength > _limits.MaxBytes)
            {
                throw TooLarge(current);
            }

            var body = await ReadLimitedAsync(response.Content, current, cancellationToken).ConfigureAwait(false);
            return new FetchedResource(current, body, mediaType, Charset(contentType));
        }
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex) when (ex.InnerException is FetchException refused)
        {
            throw new FetchException(refused.Message, ex);
        }
        catch (HttpRequestException ex)
        {
            var reason = ex.InnerException is SocketException socket ? socket.SocketErrorCode.ToString() : ex.HttpRequestError.ToString();
            throw new FetchException($"cannot reach {request.RequestUri!.Host} ({reason})", ex);
        }
    }

    private async Task<byte[]> ReadLimitedAsync(HttpContent content, Uri url, CancellationToken cancellationToken)
    {
        var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var body = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
            {
                if (body.Length + read > _limits.MaxBytes)
                {
                    throw TooLarge(url);
                }

                body.Write(buffer, 0, read);
            }

            return body.ToArray();
        }
    }

    /// <summary>Refuses other schemes, and literal addresses that are not public, before anything is sent.</summary>
    private void CheckAddress(Uri url)
    {
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)
        {
            throw new FetchException($"only http and https addresses can be fetched, not {url.Scheme} ({url.AbsoluteUri})");
        }

        if (!_limits.AllowPrivateHosts && IPAddress.TryParse(url.IdnHost, out var literal) && AddressGuard.NonPublicKind(literal) is { } kind)
        {
            throw Refused(url.Host, literal, kind);
        }
    }

    /// <summary>Resolves the host, refuses it when any of its addresses is not public, and connects to those same addresses.</summary>
    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        if (!_limits.AllowPrivateHosts)
        {
            foreach (var address in addresses)
            {
                if (AddressGuard.NonPublicKind(address) is { } kind)
                {
                    throw Refused(host, address, kind);
                }
            }
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private static FetchException Refused(string host, IPAddress address, string kind) =>
        new($"refused to fetch from {host}: {address} is {kind} (set Curation:AllowPrivateHosts only for tests)");

    private FetchException TooLarge(Uri url) =>
        new($"{url.AbsoluteUri} is larger than the {Megabytes(_limits.MaxBytes)} limit");

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    private static string? Charset(MediaTypeHeaderValue? contentType) =>
        contentType?.CharSet is { Length: > 0 } charset ? charset.Trim('"', '\'', ' ') : null;

    private static string Seconds(TimeSpan span) => string.Create(CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#} s");

    private static string Megabytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MB");

    public void Dispose() => _client.Dispose();
}
