using NewsBot.Knowledge.Curation.Drafts;

namespace NewsBot.Knowledge.Tests.Curation;

public sealed class UrlKeyTests
{
    [Theory]
    [InlineData("https://example.org/story?utm_source=x&utm_medium=y", "https://example.org/story")]
    [InlineData("https://example.org/story?id=7&fbclid=abc#comments", "https://example.org/story?id=7")]
    [InlineData("https://example.org/story?gclid=1&page=2&mc_cid=3", "https://example.org/story?page=2")]
    [InlineData("https://example.org/", "https://example.org/")]
    public void WithoutTracking_DropsTrackingParametersAndTheFragment(string url, string expected)
    {
        Assert.Equal(expected, UrlKey.WithoutTracking(new Uri(url)).AbsoluteUri);
    }

    [Theory]
    [InlineData("https://example.org/story", "http://www.example.org/story/")]
    [InlineData("https://example.org/story", "https://EXAMPLE.org/story?utm_campaign=spring#top")]
    public void Of_IsTheSame_ForTheSameStory(string a, string b)
    {
        Assert.Equal(UrlKey.Of(new Uri(a)), UrlKey.Of(new Uri(b)));
    }

    [Theory]
    [InlineData("https://example.org/story", "https://example.org/story-2")]
    [InlineData("https://example.org/story?id=1", "https://example.org/story?id=2")]
    [InlineData("https://example.org/Story", "https://example.org/story")]
    [InlineData("https://example.org:8443/story", "https://example.org/story")]
    public void Of_Differs_ForDifferentPages(string a, string b)
    {
        Assert.NotEqual(UrlKey.Of(new Uri(a)), UrlKey.Of(new Uri(b)));
    }
}
