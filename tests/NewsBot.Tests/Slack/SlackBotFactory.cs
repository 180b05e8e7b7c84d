using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Time.Testing;
using NewsBot.Collection;
using NewsBot.Digests;
using NewsBot.Slack;
using NewsBot.Tests.Hosting;

namespace NewsBot.Tests.Slack;

/// <summary>The real app with Slack configured against a <see cref="SlackApiRecorder"/>, on a fake clock.</summary>
internal sealed class SlackBotFactory(TestKnowledge knowledge, string? slackApiBaseUrl) : WebApplicationFactory<Program>
{
    public const string SigningSecret = SlackSignatureTests.DocumentedSecret;
    public const string BotToken = "xoxb-test-token";

    public LogCapture Logs { get; } = new();

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero));

    /// <summary>More settings, e.g. Slack's queue and retry limits.</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>False to leave the digest delivery service out, so a test runs delivery passes itself.</summary>
    public bool RunDigestService { get; init; } = true;

    /// <summary>False to leave the Slack reply service out: events are accepted (and stored) but never answered, as by a replica that died.</summary>
    public bool RunSlackReplyService { get; init; } = true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Knowledge:Path", knowledge.KnowledgePath);
        builder.UseSetting("Knowledge:Semantic", "false");
        builder.UseSetting("Storage:Path", knowledge.DataPath);
        foreach (var (key, value) in knowledge.StorageSettings)
        {
            builder.UseSetting(key, value);
        }

        if (slackApiBaseUrl is not null)
        {
            builder.UseSetting("Slack:SigningSecret", SigningSecret);
            builder.UseSetting("Slack:BotToken", BotToken);
            builder.UseSetting("Slack:ApiBaseUrl", slackApiBaseUrl);
        }

        // One reply at a time unless a test says otherwise, so that tests can tell from the order of posts that
        // nothing else was queued before a marker question.
        builder.UseSetting("Slack:MaxConcurrentReplies", "1");
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            if (!RunDigestService)
            {
                services.RemoveHostedService<DigestDeliveryService>();
            }

            if (!RunSlackReplyService)
            {
                services.RemoveHostedService<SlackReplyService>();
            }
        });
    }

    public Task ReadyAsync() => Services.GetRequiredService<CollectionState>().Ready.WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>A request signed as Slack signs it, at the fake clock's time unless told otherwise.</summary>
    public HttpRequestMessage Signed(string path, string body, string mediaType, DateTimeOffset? signedAt = null, string secret = SigningSecret)
    {
        var timestamp = (signedAt ?? Time.GetUtcNow()).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        request.Headers.Add(SlackSignature.TimestampHeader, timestamp);
        request.Headers.Add(SlackSignature.SignatureHeader, SlackSignature.Compute(secret, timestamp, Encoding.UTF8.GetBytes(body)));
        return request;
    }
}
