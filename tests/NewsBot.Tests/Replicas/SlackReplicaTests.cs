using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using NewsBot.Slack;
using NewsBot.Tests.Hosting;
using NewsBot.Tests.Slack;
using Newtonsoft.Json.Linq;

namespace NewsBot.Tests.Replicas;

/// <summary>Slack reached directly, with two replicas behind one load balancer: an event that reaches both is answered once, and one accepted by a replica that dies is answered by the other.</summary>
public sealed class SlackReplicaTests
{
    [Fact]
    public async Task TheSameEvent_PostedToTwoReplicas_GetsOneReply()
    {
        await using var slack = await SlackApiRecorder.StartAsync();
        await using var replicas = await ReplicaSet.StartAsync(2, new Dictionary<string, string>
        {
            ["Slack:SigningSecret"] = SlackBotFactory.SigningSecret,
            ["Slack:BotToken"] = SlackBotFactory.BotToken,
            ["Slack:ApiBaseUrl"] = slack.BaseUrl,
        });
        var body = Mention("EvReplicas1", "1700000000.000200");

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

    /// <summary>
    /// Replica 0 acknowledges the event and never answers (it died after the 200); replica 1, running beside it on the same
    /// database, posts the answer once replica 0's lease on the question has expired, and only once.
    /// </summary>
    [Fact]
    public async Task AnEventAcceptedByAReplicaThatDied_IsAnsweredOnceByAnother_AfterTheLease()
    {
        var lease = TimeSpan.FromSeconds(3);
        await using var slack = await SlackApiRecorder.StartAsync();
        await using var replicas = await ReplicaSet.StartAsync(
            2,
            new Dictionary<string, string>
            {
                ["Slack:SigningSecret"] = SlackBotFactory.SigningSecret,
                ["Slack:BotToken"] = SlackBotFactory.BotToken,
                ["Slack:ApiBaseUrl"] = slack.BaseUrl,
                ["Slack:ReplyLease"] = lease.ToString(),
                ["Slack:ReplySweepInterval"] = "00:00:00.200",
                ["Slack:RetryDelay"] = "00:00:00",
                ["Slack:MaxRetryDelay"] = "00:00:00",
            },
            (replica, services) =>
            {
                if (replica == 0)
                {
                    services.RemoveHostedService<SlackReplyService>();
                }
            });
        var body = Mention("EvDied1", "1700000000.000300");

        var accepted = Stopwatch.StartNew();
        using (var client = replicas.Client(0))
        using (var response = await client.SendAsync(Signed(body), TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var reply = await slack.NextCallAsync(TimeSpan.FromSeconds(30));
        var answeredAfter = accepted.Elapsed;

        Assert.Equal("1700000000.000300", reply.Body.Value<string>("thread_ts"));
        Assert.Contains(TestKnowledge.PhiMitUrl, reply.Body.Value<string>("text"), StringComparison.Ordinal);
        Assert.True(answeredAfter >= lease, $"answered {answeredAfter} after the 200, before replica 0's {lease} lease expired");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => slack.NextCallAsync(lease + TimeSpan.FromSeconds(1)));
    }

    private static string Mention(string eventId, string ts) => new JObject
    {
        ["type"] = "event_callback",
        ["team_id"] = "T1",
        ["event_id"] = eventId,
        ["authorizations"] = new JArray { new JObject { ["user_id"] = "UBOT", ["is_bot"] = true } },
        ["event"] = new JObject { ["type"] = "app_mention", ["user"] = "UASKER", ["text"] = "<@UBOT> Is Phi-2 licensed for commercial use?", ["ts"] = ts, ["channel"] = "C123" },
    }.ToString();

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
