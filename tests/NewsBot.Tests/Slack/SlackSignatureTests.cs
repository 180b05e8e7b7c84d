using System.Text;
using NewsBot.Slack;

namespace NewsBot.Tests.Slack;

public sealed class SlackSignatureTests
{
    // Slack's documented example ("Verifying requests from Slack"). The token is xyzz0WbapA4vBCDEFasx0q6G as in
    // Slack's page; the copy (…BCDEbOTOCX) is a mistranscription that does not produce the documented signature.
    internal const string DocumentedSecret = "8f742231b10e8888abcd99yyyzzz85a5";
    internal const string DocumentedTimestamp = "1531420618";
    internal const string DocumentedBody = "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c";
    internal const string DocumentedSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";

    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1531420618);
    private static readonly TimeSpan FiveMinutes = TimeSpan.FromMinutes(5);

    [Fact]
    public void Compute_MatchesSlacksDocumentedExample()
    {
        Assert.Equal(DocumentedSignature, SlackSignature.Compute(DocumentedSecret, DocumentedTimestamp, Encoding.UTF8.GetBytes(DocumentedBody)));
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(299, true)]
    [InlineData(-299, true)]
    [InlineData(301, false)]
    [InlineData(-301, false)]
    [InlineData(3600, false)]
    public void IsValid_DependsOnClockSkew_WhenSignatureMatches(int secondsLater, bool valid)
    {
        Assert.Equal(valid, SlackSignature.IsValid(DocumentedSecret, DocumentedTimestamp, DocumentedSignature, Encoding.UTF8.GetBytes(DocumentedBody), SignedAt.AddSeconds(secondsLater), FiveMinutes));
    }

    [Theory]
    [InlineData("v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b504")]
    [InlineData("v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503")]
    [InlineData("")]
    [InlineData(null)]
    public void IsValid_False_WhenSignatureIsForgedOrMissing(string? signature)
    {
        Assert.False(SlackSignature.IsValid(DocumentedSecret, DocumentedTimestamp, signature, Encoding.UTF8.GetBytes(DocumentedBody), SignedAt, FiveMinutes));
    }

    [Fact]
    public void IsValid_False_WhenBodyOrSecretDiffers()
    {
        var body = Encoding.UTF8.GetBytes(DocumentedBody.Replace("text=", "text=hi", StringComparison.Ordinal));
        Assert.False(SlackSignature.IsValid(DocumentedSecret, DocumentedTimestamp, DocumentedSignature, body, SignedAt, FiveMinutes));
        Assert.False(SlackSignature.IsValid("another-secret", DocumentedTimestamp, DocumentedSignature, Encoding.UTF8.GetBytes(DocumentedBody), SignedAt, FiveMinutes));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-1531420618")]
    [InlineData("1531420618.5")]
    [InlineData("99999999999999999999")]
    public void IsValid_False_WhenTimestampIsMissingOrMalformed(string? timestamp)
    {
        Assert.False(SlackSignature.IsValid(DocumentedSecret, timestamp, DocumentedSignature, Encoding.UTF8.GetBytes(DocumentedBody), SignedAt, FiveMinutes));
    }
}
