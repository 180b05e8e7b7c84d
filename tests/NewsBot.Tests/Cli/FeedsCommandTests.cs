using NewsBot.Tests.Curation;

namespace NewsBot.Tests.Cli;

/// <summary><c>feeds</c> against an RSS 2.0 and an Atom feed on 127.0.0.1: new stories drafted, known ones skipped unfetched.</summary>
public sealed class FeedsCommandTests : IAsyncLifetime
{
    private CurationTestBed _bed = null!;

    public async ValueTask InitializeAsync() => _bed = await CurationTestBed.StartAsync();

    public async ValueTask DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public void Feeds_Rss_DraftsNewStoriesWithTheFeedsPublisherAndTags_AndSkipsKnownOnes()
    {
        _bed.Knowledge.Write("_feeds.yml", $"""
            feeds:
              - url: {_bed.Pages.Base}/feeds/rss.xml
                publisher: Contoso Tech Daily
                tags: [contoso, models]
            """);

        var result = _bed.Run("feeds");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("3 item(s), 1 already in the collection or drafted, 2 new", result.Output);
        Assert.Contains("2 new draft(s); 2 draft(s) wait for review", result.Output);
        Assert.Equal(2, result.Output.Split("lint: clean").Length - 1);
        Assert.Equal(
            ["2024/contoso-releases-orca-mini-3b-under-the-apache-2-0-licence.md", "2024/contosos-orca-models-what-we-know-so-far.md"],
            _bed.DraftFiles());

        // The page has no date: the feed's is taken. The feed's address loses its tracking parameters.
        var fromFeed = _bed.ReadDraft("2024/contosos-orca-models-what-we-know-so-far.md");
        Assert.Contains("published: 2024-04-16T08:00:00Z\n", fromFeed);
        Assert.Contains($"url: {_bed.Pages.Base}/no-date\n", fromFeed);
        Assert.Contains("source: \"Contoso Tech Daily\"\n", fromFeed);
        Assert.Contains("tags: [\"contoso\", \"models\"]\n", fromFeed);

        // The article already in the collection is not fetched (example.org is not even reachable from here).
        Assert.DoesNotContain("example.org", result.Error);
    }

    [Fact]
    public void Feeds_SecondRun_DraftsNothing_AndDoesNotFetchDraftedStoriesAgain()
    {
        _bed.Knowledge.Write("_feeds.yml", $"feeds:\n  - url: {_bed.Pages.Base}/feeds/rss.xml\n");
        _bed.Run("feeds");

        var again = _bed.Run("feeds");

        Assert.Equal(0, again.ExitCode);
        Assert.Contains("3 item(s), 3 already in the collection or drafted, 0 new", again.Output);
        Assert.Equal(2, _bed.DraftFiles().Count);
        Assert.Equal(2, _bed.Pages.CountOf("/feeds/rss.xml"));

        // The draft has the feed's link as its url: not fetched again. The other page names another address as its
        // own (its canonical url), so its feed link is fetched to find that out, and the draft is not written twice.
        Assert.Equal(1, _bed.Pages.CountOf("/no-date"));
    }

    [Fact]
    public void Feeds_Atom_DraftsItsStories_AndReportsTheOneThatFailed()
    {
        _bed.Knowledge.Write("_feeds.yml", $"feeds:\n  - url: {_bed.Pages.Base}/feeds/atom.xml\n    tags: research\n");

        var result = _bed.Run("feeds");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("3 item(s), 0 already in the collection or drafted, 3 new", result.Output);
        Assert.Contains($"error: {_bed.Pages.Base}/missing: the server answered 404 Not Found", result.Error);
        Assert.Equal(
            ["2024/contoso-ouvre-un-laboratoire-dia-a-zurich.md", "2024/fabrikam-opens-its-vega-speech-model-to-researchers.md"],
            _bed.DraftFiles());
        Assert.Equal(2, result.Output.Split("lint: clean").Length - 1);
        Assert.Contains("tags: [\"research\"]\n", _bed.ReadDraft("2024/fabrikam-opens-its-vega-speech-model-to-researchers.md"));
    }

    [Fact]
    public void Feeds_BrokenFeedsFile_SaysWhichLine()
    {
        _bed.Knowledge.Write("_feeds.yml", "feeds:\n  - url: not-a-url\n");

        var result = _bed.Run("feeds");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("_feeds.yml:2: error: url 'not-a-url' is not an absolute http(s) address", result.Error);
    }

    [Fact]
    public void Feeds_NoFeedsFile_SaysWhereToListThem()
    {
        var result = _bed.Run("feeds");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("_feeds.yml: list your feeds there", result.Error);
    }
}
