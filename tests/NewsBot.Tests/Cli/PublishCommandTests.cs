using NewsBot.Tests.Curation;

namespace NewsBot.Tests.Cli;

/// <summary><c>publish FILE</c> and <c>add --publish</c>: only a draft that lints clean goes live, and then it answers.</summary>
public sealed class PublishCommandTests : IAsyncLifetime
{
    private CurationTestBed _bed = null!;

    public async ValueTask InitializeAsync() => _bed = await CurationTestBed.StartAsync();

    public async ValueTask DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public void AddWithPublish_MovesTheDraftIntoItsYear_AndTheArticleAnswers()
    {
        var result = _bed.Run("add", _bed.Pages.Url("/og-only").AbsoluteUri, "--publish");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("published ", result.Output);
        Assert.Empty(_bed.DraftFiles());
        Assert.True(File.Exists(Path.Combine(_bed.Knowledge.KnowledgePath, "2024", "contoso-releases-orca-mini-3b-under-the-apache-2-0-licence.md")));
        Assert.Equal(0, _bed.Run("lint").ExitCode);

        var answer = _bed.Run("ask", "Which licence is Orca-Mini 3B released under?");
        Assert.Contains("Apache 2.0", answer.Output);
        Assert.Contains($"{_bed.Pages.Base}/stories/orca-mini-3b", answer.Output);
    }

    [Fact]
    public void AddWithPublish_DraftWithLintErrors_StaysADraft()
    {
        var result = _bed.Run("add", _bed.Pages.Url("/no-date").AbsoluteUri, "--publish");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: required field 'published' is empty", result.Output);
        Assert.Single(_bed.DraftFiles());
        Assert.False(Directory.Exists(Path.Combine(_bed.Knowledge.KnowledgePath, "2026")));
    }

    [Fact]
    public void Publish_ReviewedDraft_GoesLiveOnceItsErrorIsFixed()
    {
        _bed.Run("add", _bed.Pages.Url("/no-date").AbsoluteUri);
        var draft = Path.Combine(_bed.Drafts, Assert.Single(_bed.DraftFiles()));

        var refused = _bed.Run("publish", draft);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("error: required field 'published' is empty", refused.Output);
        Assert.Contains("has lint errors", refused.Error);

        File.WriteAllText(draft, File.ReadAllText(draft).Replace("published: \"\"  # not found on the page: the date of the story, YYYY-MM-DD", "published: 2024-04-16", StringComparison.Ordinal));
        var published = _bed.Run("publish", draft);

        Assert.Equal(0, published.ExitCode);
        Assert.Contains("published ", published.Output);
        Assert.False(File.Exists(draft));
        Assert.True(File.Exists(Path.Combine(_bed.Knowledge.KnowledgePath, "2024", "contosos-orca-models-what-we-know-so-far.md")));
        Assert.Contains("Orca-Mini 3B is the smallest Orca model", _bed.Run("ask", "Which is the smallest Orca model from Contoso?").Output);
    }

    [Fact]
    public void Publish_DraftWhoseUrlIsAlreadyInTheCollection_IsRefusedNamingTheFile()
    {
        _bed.Knowledge.Write("_drafts/2024/phi-again.md", TestKnowledge.Article("Phi-2 goes MIT, again", TestKnowledge.PhiMitUrl, "2024-01-07", "Microsoft's Phi-2 is under the MIT licence, a reader reminds us."));

        var result = _bed.Run("publish", Path.Combine(_bed.Drafts, "2024", "phi-again.md"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"duplicate url {TestKnowledge.PhiMitUrl}: already used by ", result.Output);
        Assert.Contains("phi-2-mit.md", result.Output);
    }

    [Fact]
    public void Publish_FileThatIsNotADraft_IsRefused()
    {
        var result = _bed.Run("publish", Path.Combine(_bed.Knowledge.KnowledgePath, "2024", "phi-2-mit.md"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("is not a draft", result.Error);
        Assert.True(File.Exists(Path.Combine(_bed.Knowledge.KnowledgePath, "2024", "phi-2-mit.md")));
    }

    [Fact]
    public void Add_AddressAlreadyInADraft_IsNotFetchedAgain_AndNamesTheDraft()
    {
        _bed.Run("add", _bed.Pages.Url("/og-only").AbsoluteUri);
        var canonical = _bed.Pages.Url("/stories/orca-mini-3b").AbsoluteUri;

        var again = _bed.Run("add", canonical);
        var viaOtherAddress = _bed.Run("add", _bed.Pages.Url("/og-only?utm_source=mastodon").AbsoluteUri);

        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already in ", again.Output);
        Assert.Contains("contoso-releases-orca-mini-3b-under-the-apache-2-0-licence.md: nothing written", again.Output);
        Assert.Equal(0, _bed.Pages.CountOf("/stories/orca-mini-3b"));
        Assert.Equal(1, viaOtherAddress.ExitCode);
        Assert.Contains("already in ", viaOtherAddress.Output);
        Assert.Single(_bed.DraftFiles());
    }

    [Fact]
    public void Add_AddressAlreadyInTheCollection_WritesNothing()
    {
        var result = _bed.Run("add", TestKnowledge.PhiMitUrl + "?utm_source=twitter");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("phi-2-mit.md: nothing written", result.Output);
        Assert.Empty(_bed.DraftFiles());
    }
}
