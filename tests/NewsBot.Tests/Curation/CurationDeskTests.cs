using Microsoft.Extensions.Time.Testing;
using NewsBot.Knowledge.Curation;
using NewsBot.Knowledge.Curation.Web;

namespace NewsBot.Tests.Curation;

/// <summary>The fetch limits a curator cannot switch off from chat: private addresses and the deadline.</summary>
public sealed class CurationDeskTests : IAsyncLifetime
{
    private CurationTestBed _bed = null!;

    public async ValueTask InitializeAsync() => _bed = await CurationTestBed.StartAsync();

    public async ValueTask DisposeAsync() => await _bed.DisposeAsync();

    [Theory]
    [InlineData("127.0.0.1", "127.0.0.1 is a loopback address")]
    [InlineData("localhost", "is a loopback address")]
    public async Task Add_LoopbackAddress_IsRefusedWithoutConnecting_UnlessPrivateHostsAreAllowed(string host, string message)
    {
        using var desk = new CurationDesk(_bed.Knowledge.KnowledgePath, new FetchLimits(), TimeProvider.System);
        var url = new UriBuilder(_bed.Pages.Url("/og-only")) { Host = host }.Uri;

        var result = await desk.AddAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(AddStatus.Failed, result.Status);
        Assert.Contains("refused to fetch from", result.Message);
        Assert.Contains(message, result.Message);
        Assert.Empty(_bed.Pages.Requests);
        Assert.Empty(_bed.DraftFiles());
    }

    [Theory]
    [InlineData("http://10.1.2.3/story", "a private address")]
    [InlineData("http://192.168.0.10/story", "a private address")]
    [InlineData("http://169.254.169.254/latest/meta-data/", "a link-local address")]
    [InlineData("http://[::1]/story", "a loopback address")]
    [InlineData("http://[fd00::1]/story", "a private address")]
    [InlineData("http://[::ffff:127.0.0.1]/story", "a loopback address")]
    [InlineData("http://0.0.0.0/story", "an unspecified address")]
    public async Task Add_PrivateAddress_IsRefusedBeforeAnythingIsSent(string address, string kind)
    {
        using var desk = new CurationDesk(_bed.Knowledge.KnowledgePath, new FetchLimits(), TimeProvider.System);

        var result = await desk.AddAsync(new Uri(address), TestContext.Current.CancellationToken);

        Assert.Equal(AddStatus.Failed, result.Status);
        Assert.Contains(kind, result.Message);
    }

    [Fact]
    public async Task Add_ServerThatNeverAnswers_TimesOutOnTheClock_AndWritesNothing()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 9, 0, 0, TimeSpan.Zero));
        var limits = new FetchLimits { Timeout = TimeSpan.FromSeconds(10), AllowPrivateHosts = true };
        using var desk = new CurationDesk(_bed.Knowledge.KnowledgePath, limits, time);

        var adding = desk.AddAsync(_bed.Pages.Url("/slow"), TestContext.Current.CancellationToken);
        await WaitUntilAsync(() => _bed.Pages.CountOf("/slow") == 1);
        time.Advance(TimeSpan.FromSeconds(10));
        var result = await adding.WaitAsync(TimeSpan.FromSeconds(30), TestContext.Current.CancellationToken);

        Assert.Equal(AddStatus.Failed, result.Status);
        Assert.Equal("no complete answer from 127.0.0.1 within 10 s (timeout)", result.Message);
        Assert.Empty(_bed.DraftFiles());
    }

    [Theory]
    [InlineData("../2024/phi-2-mit")]
    [InlineData("2024/../../2024/phi-2-mit")]
    [InlineData("/etc/passwd")]
    [InlineData("2024\\..\\..\\2024\\phi-2-mit")]
    public void DiscardAndPublish_IdThatLeavesTheDraftsFolder_TouchNothing(string id)
    {
        using var desk = new CurationDesk(_bed.Knowledge.KnowledgePath, new FetchLimits(), TimeProvider.System);
        var article = Path.Combine(_bed.Knowledge.KnowledgePath, "2024", "phi-2-mit.md");

        Assert.False(desk.Discard(id));
        Assert.False(desk.PublishDraft(id).Published);
        Assert.Null(desk.FindDraft(id));
        Assert.True(File.Exists(article));
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 300 && !condition(); i++)
        {
            await Task.Delay(20);
        }

        Assert.True(condition());
    }
}
