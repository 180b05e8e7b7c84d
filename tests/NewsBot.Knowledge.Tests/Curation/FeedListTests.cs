using NewsBot.Knowledge.Curation.Feeds;
using NewsBot.Knowledge.Tests.Support;

namespace NewsBot.Knowledge.Tests.Curation;

public sealed class FeedListTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public void Read_ListsEachFeedWithItsPublisherAndTags()
    {
        var feeds = FeedList.Read(Write("""
            # Feeds for the collection
            feeds:
              - url: https://example.org/feed.xml
                publisher: Example News
                tags: [Models, licensing]
              - url: https://example.net/atom.xml
                tags: research, papers
            """));

        Assert.Equal(2, feeds.Count);
        Assert.Equal(new Uri("https://example.org/feed.xml"), feeds[0].Url);
        Assert.Equal("Example News", feeds[0].Publisher);
        Assert.Equal(["models", "licensing"], feeds[0].Tags);
        Assert.Null(feeds[1].Publisher);
        Assert.Equal(["research", "papers"], feeds[1].Tags);
    }

    [Theory]
    [InlineData("")]
    [InlineData("feeds:\n")]
    public void Read_EmptyFile_IsNoFeeds(string text)
    {
        Assert.Empty(FeedList.Read(Write(text)));
    }

    [Fact]
    public void Read_MissingFile_IsNoFeeds()
    {
        Assert.Empty(FeedList.Read(Path.Combine(_folder.Path, "_feeds.yml")));
    }

    [Theory]
    [InlineData("feeds:\n  - url: ftp://example.org/feed\n", "_feeds.yml:2: error: url 'ftp://example.org/feed' is not an absolute http(s) address")]
    [InlineData("feeds:\n  - publisher: Nobody\n", "_feeds.yml:2: error: a feed needs a 'url'")]
    [InlineData("feeds:\n  - url: https://example.org/feed\n    tag: [typo]\n", "_feeds.yml:2: error: unknown field 'tag'")]
    [InlineData("- url: https://example.org/feed\n", "_feeds.yml:1: error: the file must start with 'feeds:'")]
    [InlineData("feeds: [unclosed\n", "_feeds.yml:")]
    public void Read_BrokenFile_SaysWhichLine(string text, string message)
    {
        var error = Assert.Throws<FeedListException>(() => FeedList.Read(Write(text)));

        Assert.Contains(message, error.Message);
    }

    private string Write(string text)
    {
        var path = Path.Combine(_folder.Path, "_feeds.yml");
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => _folder.Dispose();
}
