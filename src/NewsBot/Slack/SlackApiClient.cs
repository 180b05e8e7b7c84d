using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace NewsBot.Slack;

/// <summary>The Slack Web API calls the bot makes, authorised with the bot token, at <see cref="SlackOptions.ApiBaseUrl"/>.</summary>
internal sealed class SlackApiClient(IHttpClientFactory httpClients, IOptions<SlackOptions> options, TimeProvider time)
{
    public const string HttpClientName = "Slack";

    private const string Method = "chat.postMessage";

    /// <summary>
    /// Posts a message (<c>channel</c>, <c>text</c>, <c>blocks</c>, optional <c>thread_ts</c>); throws
    /// <see cref="SlackApiException"/> on an HTTP error (with any <c>Retry-After</c>) or when Slack answers <c>ok: false</c>.
    /// </summary>
    public async Task PostMessageAsync(JObject message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var slack = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(slack.ApiBaseUrl, Method));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", slack.BotToken);
        request.Content = new StringContent(message.ToString(Formatting.None), Encoding.UTF8, "application/json");
        var http = httpClients.CreateClient(HttpClientName);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new SlackApiException(Method, (int)response.StatusCode, null, RetryAfter(response, time.GetUtcNow()));
        }

        var result = JObject.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        if (result.Value<bool?>("ok") != true)
        {
            throw new SlackApiException(Method, null, result.Value<string>("error"));
        }
    }

    private static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now) => response.Headers.RetryAfter switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date > now ? date - now : TimeSpan.Zero,
        _ => null,
    };
}
