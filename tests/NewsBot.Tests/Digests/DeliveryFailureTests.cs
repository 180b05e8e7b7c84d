using System.Net;
using NewsBot.Digests;
using NewsBot.Slack;

namespace NewsBot.Tests.Digests;

public sealed class DeliveryFailureTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests, "Transient")]
    [InlineData(HttpStatusCode.InternalServerError, "Transient")]
    [InlineData(HttpStatusCode.BadGateway, "Transient")]
    [InlineData(HttpStatusCode.ServiceUnavailable, "Transient")]
    [InlineData(HttpStatusCode.RequestTimeout, "Transient")]
    [InlineData(HttpStatusCode.Forbidden, "Gone")]
    [InlineData(HttpStatusCode.NotFound, "Gone")]
    [InlineData(HttpStatusCode.BadRequest, "Permanent")]
    [InlineData(HttpStatusCode.Unauthorized, "Permanent")]
    public void Classify_ByStatus(HttpStatusCode status, string kind)
    {
        var failure = DeliveryFailure.Classify(RecordingSender.Status(status), Now);

        Assert.Equal(kind, failure.Kind.ToString());
        Assert.Equal((int)status, failure.Status);
    }

    [Fact]
    public void Classify_ReadsRetryAfterSeconds() =>
        Assert.Equal(TimeSpan.FromSeconds(7), DeliveryFailure.Classify(RecordingSender.Status(HttpStatusCode.TooManyRequests, TimeSpan.FromSeconds(7)), Now).RetryAfter);

    [Fact]
    public void Classify_ReadsRetryAfterDate()
    {
        var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(Now.AddMinutes(3));
        var exception = new Microsoft.Bot.Schema.ErrorResponseException("503") { Response = new Microsoft.Rest.HttpResponseMessageWrapper(response, string.Empty) };

        Assert.Equal(TimeSpan.FromMinutes(3), DeliveryFailure.Classify(exception, Now).RetryAfter);
    }

    [Fact]
    public void Classify_TreatsNetworkErrorsAsTransient() =>
        Assert.Equal(DeliveryFailureKind.Transient, DeliveryFailure.Classify(new HttpRequestException("connection refused"), Now).Kind);

    [Fact]
    public void Classify_TreatsOtherExceptionsAsPermanent() =>
        Assert.Equal(DeliveryFailureKind.Permanent, DeliveryFailure.Classify(new InvalidOperationException("bug"), Now).Kind);

    [Theory]
    [InlineData("channel_not_found", "Gone")]
    [InlineData("not_in_channel", "Gone")]
    [InlineData("account_inactive", "Gone")]
    [InlineData("is_archived", "Gone")]
    [InlineData("ratelimited", "Transient")]
    [InlineData("invalid_blocks", "Permanent")]
    public void Classify_SlackErrors(string error, string kind)
    {
        var failure = DeliveryFailure.Classify(new SlackApiException("chat.postMessage", null, error), Now);

        Assert.Equal(kind, failure.Kind.ToString());
        if (kind == "Gone")
        {
            Assert.Contains(error, failure.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Classify_SlackRateLimit_IsTransient_WithRetryAfter()
    {
        var failure = DeliveryFailure.Classify(new SlackApiException("chat.postMessage", 429, null, TimeSpan.FromSeconds(30)), Now);

        Assert.Equal(DeliveryFailureKind.Transient, failure.Kind);
        Assert.Equal(TimeSpan.FromSeconds(30), failure.RetryAfter);
    }
}
