using Microsoft.Bot.Schema;
using NewsBot.Digests;
using NewsBot.Knowledge;
using NewsBot.Knowledge.Digests;
using Newtonsoft.Json.Linq;

namespace NewsBot.Tests.Digests;

public sealed class DigestMessageTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Build_IsOneAdaptiveCard_WithANotificationSummaryAndTextFallback_ForTeams()
    {
        var message = DigestMessage.Build("msteams", Digest(14));

        var card = (JObject)Assert.Single(message.Attachments).Content;
        Assert.Equal("1.5", card["version"]!.ToString());
        var json = card.ToString();
        Assert.Contains("AI news digest: 14 new articles since 25 Nov 2026", json);
        Assert.Contains("[Story 14](https://example.org/14)", json);
        Assert.Contains("and 4 more: type `digest list 1` to see them all.", json);
        Assert.Contains("Story 14", card.Value<string>("fallbackText"));
        Assert.Contains("digest list 1", card.Value<string>("fallbackText"));
        Assert.Equal("AI news digest: 14 new articles since 25 Nov 2026", message.Summary);
        Assert.True(string.IsNullOrEmpty(message.Text), "the card alone: chat clients would show the list twice");
    }

    [Fact]
    public void Build_IsMarkdownText_ForAChannelWithoutCards()
    {
        var message = DigestMessage.Build("sms", Digest(3));

        Assert.Empty(message.Attachments ?? []);
        Assert.Contains("[Story 3](https://example.org/3)", message.Text);
    }

    [Fact]
    public void Build_IsBlockKit_ForSlack()
    {
        var message = DigestMessage.Build("slack", Digest(3));

        Assert.Empty(message.Attachments ?? []);
        var blocks = (JArray)((JObject)message.ChannelData)["blocks"]!;
        Assert.Contains(blocks, b => b["text"]?["text"]?.ToString().Contains("<https://example.org/3|Story 3>", StringComparison.Ordinal) == true);
        Assert.Contains("<https://example.org/1|Story 1>", message.Text);
    }

    [Fact]
    public void Build_IsTheNothingNewLine_ForAnEmptyDigest()
    {
        var message = DigestMessage.Build("msteams", Digest(0), "Quiet day.");

        Assert.Equal("Quiet day.", message.Text);
        Assert.Empty(message.Attachments ?? []);
    }

    [Fact]
    public void PlainText_GroupsByTag_WhenMany()
    {
        var text = DigestMessage.PlainText(Digest(8));

        Assert.Contains("**even**", text);
        Assert.Contains("**odd**", text);
        Assert.Contains("- [Story 8](https://example.org/8) (Example News · 8 Jan 2026): Summary of story 8.", text);
    }

    private static Digest Digest(int count) => DigestComposer.Compose(
        Enumerable.Range(1, count).Select(i => new ArticleInfo(
            $"{i}", $"{i}.md", $"Story {i}", new Uri($"https://example.org/{i}"), new DateTimeOffset(2026, 1, i % 28 + 1, 0, 0, 0, TimeSpan.Zero).AddDays(-1),
            null, "Example News", [i % 2 == 0 ? "even" : "odd"], $"Summary of story {i}.", Start.AddHours(1), 1)).ToList(),
        Start,
        Start.AddDays(1));
}
