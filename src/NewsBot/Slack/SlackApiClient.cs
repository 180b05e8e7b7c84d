using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Options;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace NewsBot.Slack;

/// <summary>The Slack Web API calls the bot makes, authorised with the bot token, at <see cref="SlackOptions.ApiBaseUrl"/>.</summary>
internal sealed class SlackApiClient(IHttpClientFactory httpClients, IOptions<SlackOptions> options)
{
    public const string HttpClientName = "Slack";

    /// <summary>Posts a message (<c>channel</c>, <c>text</c>, <c>blocks</c>, optional <c>thread_ts</c>); throws when Slack answers <c>ok: false</c>.</summary>
    public async Task PostMessageAsync(JObject message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var slack = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(slack.ApiBaseUrl, "chat.postMessage"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", slack.BotToken);
        request.Content = new StringContent(message.ToString(Formatting.None), Encoding.UTF8, "application/json");
        var http = httpClients.CreateClient(HttpClientName);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
        var result = JObject.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        if (result.Value<bool?>("ok") != true)
        {
            throw new HttpRequestException($"Slack chat.postMessage failed: {result.Value<string>("error") ?? "no error given"}");
        }
    }
}
