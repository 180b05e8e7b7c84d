using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using NewsBot.Slack;
using NewsBot.Tests.Slack;
using Newtonsoft.Json.Linq;

namespace NewsBot.Tests.Replicas;

/// <summary>Slack reached directly, with two replicas behind one load balancer: an event that reaches both is answered once.</summary>
public sealed class SlackReplicaTests
{
    [SkippableFact]
    public async Task TheSameEvent_PostedToTwoReplicas_GetsOneReply()
    {
        await using var slack = await SlackApiRecorder.StartAsync();
        await using var replicas = await ReplicaSet.StartAsync(2, new Dictionary<string, string>
        {
            ["Slack:SigningSecret"] = SlackBotFactory.SigningSecret,
            ["Slack:BotToken"] = SlackBotFactory.BotToken,
            ["Slack:ApiBaseUrl"] = slack.BaseUrl,
        });
        var body = new JObject
        {
            ["type"] = "event_callback",
            ["team_id"] = "T1",
            ["event_id"] = "EvReplicas1",
            ["authorizations"] = new JArray { new JObject { ["user_id"] = "UBOT", ["is_bot"] = true } },
            ["event"] = new JObject { ["type"] = "app_mention", ["user"] = "UASKER", ["text"] = "<@UBOT> Is Phi-2 licensed for commercial use?", ["ts"] = "1700000000.000200", ["channel"] = "C123" },
        }.ToString();

        // Slack retried (its acknowledgement seemed late) and the load balancer sent the retry to the other replica.
        var statuses = await Task.WhenAll(Enumerable.Range(0, 2).Select(async replica =>
        {
            using var client = replicas.Client(replica);
            using var response = await client.SendAsync(Signed(body));
            return response.StatusCode;
        }));

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
        var reply = await slack.NextCallAsync();
        Assert.Equal("chat.postMessage", reply.Method);
        Assert.Contains(TestKnowledge.PhiMitUrl, reply.Body.Value<string>("text"), StringComparison.Ordinal);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => slack.NextCallAsync(TimeSpan.FromSeconds(2)));
    }

    private static HttpRequestMessage Signed(string body)
    {
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/slack") { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(SlackSignature.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Compute(SlackBotFactory.SigningSecret, timestamp, Encoding.UTF8.GetBytes(body)));
        return request;
    }
}
