using NewsBot.Knowledge.Digests;

namespace NewsBot.Knowledge.Tests.Digests;

public sealed class DigestComposerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset End = Start.AddDays(1);

    [Fact]
    public void Compose_ListsNewestPublishedFirst_InOneGroup_WhenFew()
    {
        var digest = DigestComposer.Compose([Article("a", "2024-01-01"), Article("b", "2025-06-01"), Article("c", "2023-03-03")], Start, End);

        Assert.Equal(3, digest.Total);
        Assert.Equal(0, digest.More);
        var group = Assert.Single(digest.Groups);
        Assert.Null(group.Tag);
        Assert.Equal(["b", "a", "c"], group.Items.Select(i => i.Id));
    }

    [Fact]
    public void Compose_ShowsTenAndCountsTheRest_WhenMany()
    {
        var articles = Enumerable.Range(1, 14).Select(i => Article($"a{i}", $"2025-01-{i:00}", tag: i % 2 == 0 ? "models" : "policy")).ToList();

        var digest = DigestComposer.Compose(articles, Start, End);

        Assert.Equal(14, digest.Total);
        Assert.Equal(4, digest.More);
        Assert.Equal(10, digest.Items.Count());
        Assert.Equal(["models", "policy"], digest.Groups.Select(g => g.Tag));
        Assert.Equal(["a14", "a12", "a10", "a8", "a6"], digest.Groups[0].Items.Select(i => i.Id));
        Assert.DoesNotContain(digest.Items, i => i.Id is "a1" or "a2" or "a3" or "a4");
    }

    [Fact]
    public void Compose_IsEmpty_WhenTheWindowHoldsNothing()
    {
        var digest = DigestComposer.Compose([], Start, End);

        Assert.True(digest.IsEmpty);
        Assert.Empty(digest.Groups);
    }

    [Theory]
    [InlineData("Short summary. Two sentences.", "Short summary. Two sentences.")]
    [InlineData(null, null)]
    [InlineData("   ", null)]
    public void Compose_KeepsShortSummaries(string? summary, string? expected)
    {
        var digest = DigestComposer.Compose([Article("a", "2025-01-01", summary: summary)], Start, End);

        Assert.Equal(expected, Assert.Single(digest.Items).Summary);
    }

    [Fact]
    public void Compose_CutsALongSummaryToItsFirstSentence()
    {
        var summary = "OpenAI released a model. It " + new string('x', 400) + ".";

        var digest = DigestComposer.Compose([Article("a", "2025-01-01", summary: summary)], Start, End);

        Assert.Equal("OpenAI released a model.", Assert.Single(digest.Items).Summary);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void Compose_ShowsTheLeadSentence_WhenTheArticleHasNoSummary(string? summary)
    {
        var digest = DigestComposer.Compose([Article("a", "2025-01-01", summary: summary, lead: "OpenAI released a model.")], Start, End);

        Assert.Equal("OpenAI released a model.", Assert.Single(digest.Items).Summary);
    }

    [Fact]
    public void Compose_PrefersTheSummaryToTheLead()
    {
        var digest = DigestComposer.Compose([Article("a", "2025-01-01", summary: "The summary.", lead: "The lead.")], Start, End);

        Assert.Equal("The summary.", Assert.Single(digest.Items).Summary);
    }

    [Fact]
    public void Compose_Throws_WhenTheWindowEndsBeforeItStarts() =>
        Assert.Throws<ArgumentException>(() => DigestComposer.Compose([], End, Start));

    private static ArticleInfo Article(string id, string published, string tag = "test", string? summary = "A summary.", string? lead = null) =>
        new(id, $"{id}.md", $"Title {id}", new Uri($"https://example.org/{id}"), DateTimeOffset.Parse(published + "T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            null, "Example News", [tag], summary, Start.AddHours(1), 1, lead);
}
