using NewsBot.Tests.Curation;

namespace NewsBot.Tests.Cli;

/// <summary><c>add &lt;url&gt;</c> against saved pages on 127.0.0.1: each draft's front matter and text, its checks and its lint.</summary>
public sealed class AddCommandTests : IAsyncLifetime
{
    private CurationTestBed _bed = null!;

    public async ValueTask InitializeAsync() => _bed = await CurationTestBed.StartAsync();

    public async ValueTask DisposeAsync() => await _bed.DisposeAsync();

    [Fact]
    public void Add_OpenGraphOnlyPage_DraftsTitleDatesSourceAndText_LintClean()
    {
        var result = _bed.Run("add", _bed.Pages.Url("/og-only").AbsoluteUri);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("drafted ", result.Output);
        Assert.Contains("lint: clean", result.Output);
        var draft = _bed.ReadDraft(Assert.Single(_bed.DraftFiles(), f => f == "2024/contoso-releases-orca-mini-3b-under-the-apache-2-0-licence.md"));
        Assert.StartsWith(
            $"""
            ---
            title: "Contoso releases Orca-Mini 3B under the Apache 2.0 licence"
            url: {_bed.Pages.Base}/stories/orca-mini-3b
            published: 2024-03-14T08:30:00Z
            updated: 2024-03-15T09:00:00Z
            source: "Contoso Tech Daily"
            summary: "Contoso's 3-billion-parameter Orca-Mini model is free for commercial use under Apache 2.0."
            ---
            """,
            draft);
        Assert.Contains("Contoso released Orca-Mini 3B, a small language model with 3 billion parameters", draft);
        Assert.Contains("\n## Benchmarks\n", draft);
        Assert.Contains("\n- Orca-Mini 3B supports a context window of 16,000 tokens.\n- Orca-Mini 3B is available", draft);
        Assert.DoesNotContain("Ten gadgets", draft);
        Assert.DoesNotContain("All rights reserved", draft);
        Assert.DoesNotContain("Subscribe", draft);
    }

    [Fact]
    public void Add_JsonLdOnlyPage_TakesHeadlineDatesPublisherAndAddressFromJsonLd()
    {
        var result = _bed.Run("add", _bed.Pages.Url("/jsonld-only").AbsoluteUri);

        Assert.Equal(0, result.ExitCode);
        var draft = _bed.ReadDraft(Assert.Single(_bed.DraftFiles()));
        Assert.Contains("title: \"Fabrikam opens its Vega speech model to researchers\"\n", draft);
        Assert.Contains($"url: {_bed.Pages.Base}/news/vega-speech-model\n", draft);
        Assert.Contains("published: 2024-05-02T14:00:00Z\n", draft);
        Assert.Contains("updated: 2024-05-03T08:15:00Z\n", draft);
        Assert.Contains("source: \"Fabrikam News\"\n", draft);
        Assert.Contains("Vega transcribes 40 languages", draft);
        Assert.Contains("lint: clean", result.Output);
    }

    [Fact]
    public void Add_PageWithOnlyATimeElement_TakesItsDate_AndSaysThePublisherIsMissing()
    {
        var result = _bed.Run("add", _bed.Pages.Url("/time-only").AbsoluteUri);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        var draft = _bed.ReadDraft(Assert.Single(_bed.DraftFiles()));
        Assert.Contains("title: \"Northwind adds image input to its Atlas assistant\"\n", draft);
        Assert.Contains("published: 2024-07-09\n", draft);
        Assert.DoesNotContain("source:", draft);
        Assert.Contains("no publisher on the page", result.Output);
    }

    [Fact]
    public void Add_PageWithoutADate_WritesTheDraft_AndLintSaysWhyItCannotBePublished()
    {
        var result = _bed.Run("add", _bed.Pages.Url("/no-date?utm_source=newsletter&utm_campaign=spring&id=7").AbsoluteUri);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("no publication date on the page", result.Output);
        Assert.Contains("error: required field 'published' is empty", result.Output);
        var draft = _bed.ReadDraft(Assert.Single(_bed.DraftFiles(), f => f == "2026/contosos-orca-models-what-we-know-so-far.md"));
        Assert.Contains("published: \"\"  # not found on the page", draft);
        Assert.Contains($"url: {_bed.Pages.Base}/no-date?id=7\n", draft);
    }

    [Fact]
    public void Add_PaywallTeaser_SaysTheTextMayBeOnlyATeaser()
    {
        var result = _bed.Run("add", _bed.Pages.Url("/paywall").AbsoluteUri);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("not free to read", result.Output);
        var draft = _bed.ReadDraft(Assert.Single(_bed.DraftFiles()));
        Assert.Contains("Fabrikam wants every laptop it sells in 2025", draft);
        Assert.DoesNotContain("Your email", draft);
        Assert.DoesNotContain("free trial", draft);
    }

    [Fact]
    public void Add_VeryLongPage_KeepsEveryParagraph_AndSaysItIsVeryLong()
    {
        var result = _bed.Run("add", _bed.Pages.Url("/long").AbsoluteUri);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("the text is very long", result.Output);
        Assert.Contains("lint: clean", result.Output);
        var draft = _bed.ReadDraft(Assert.Single(_bed.DraftFiles()));
        Assert.Contains("In chapter 1 of its history", draft);
        Assert.Contains($"In chapter {PageServer.LongParagraphs} of its history", draft);
    }

    [Fact]
    public void Add_Windows1252Page_IsDecodedAndWrittenAsUtf8()
    {
        var result = _bed.Run("add", _bed.Pages.Url("/latin1").AbsoluteUri);

        Assert.Equal(0, result.ExitCode);
        var file = Assert.Single(_bed.DraftFiles());
        var draft = _bed.ReadDraft(file);
        Assert.Contains("title: \"Contoso ouvre un laboratoire d’IA à Zürich\"\n", draft);
        Assert.Contains("« Nous voulons des modèles qui consomment moins », a déclaré la directrice du laboratoire, Léa Exemple.", draft);
        Assert.Equal("2024/contoso-ouvre-un-laboratoire-dia-a-zurich.md", file);
        Assert.Contains("lint: clean", result.Output);
    }

    [Fact]
    public void Add_FollowsRedirects_AndDraftsTheCanonicalAddressWithoutTracking()
    {
        var result = _bed.Run("add", _bed.Pages.Url("/redirect/start").AbsoluteUri);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"url: {_bed.Pages.Base}/stories/orca-mini-3b\n", _bed.ReadDraft(Assert.Single(_bed.DraftFiles())));
    }

    [Theory]
    [InlineData("/loop/a", "redirect loop")]
    [InlineData("/chain/0", "more than 5 redirects")]
    [InlineData("/missing", "the server answered 404 Not Found")]
    [InlineData("/huge", "is larger than the 5 MB limit")]
    [InlineData("/huge-declared", "is larger than the 5 MB limit")]
    [InlineData("/pdf", "is not an HTML page (content type application/pdf)")]
    public void Add_PageThatCannotBeDrafted_GivesOneLineError_AndWritesNothing(string path, string error)
    {
        var result = _bed.Run("add", _bed.Pages.Url(path).AbsoluteUri);

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line);
        Assert.Contains(error, line);
        Assert.EndsWith("nothing written", line.TrimEnd());
        Assert.False(Directory.Exists(_bed.Drafts));
    }

    [Theory]
    [InlineData("ftp://example.org/story")]
    [InlineData("file:///etc/passwd")]
    [InlineData("not a url")]
    public void Add_AddressThatIsNotHttp_IsBadUsage(string address)
    {
        var result = _bed.Run("add", address);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not an http(s) address", result.Error);
        Assert.Empty(_bed.Pages.Requests);
    }

    [Fact]
    public void Add_PageWithScriptsAndInjectionAttempts_KeepsOnlyTheVisibleTextAsLiteralText()
    {
        var result = _bed.Run("add", _bed.Pages.Url("/injection").AbsoluteUri);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("lint: clean", result.Output);
        var draft = _bed.ReadDraft(Assert.Single(_bed.DraftFiles()));

        // The front matter: one quoted title line, the address it was fetched from, the page's real date.
        var frontMatter = draft.Split("\n---\n")[0];
        Assert.Equal(["---", "title:", "url:", "published:", "source:", "summary:"], frontMatter.Split('\n').Select(l => l.Split(' ')[0]));
        Assert.Contains($"url: {_bed.Pages.Base}/injection\n", draft);
        Assert.Contains("published: 2024-10-02\n", draft);
        Assert.Contains("summary: \"<script>alert('summary')</script> Fabrikam patched its chatbot.\"\n", draft);
        Assert.Contains("source: \"Security \\\"Weekly\\\"\"", draft);
        Assert.Contains("names https://attacker.example.net/stolen-story on another site as its address", result.Output);

        // Scripts, styles, forms, frames, hidden text and tracking are gone; link text stays, without its address.
        foreach (var gone in new[] { "Injected by script", "alert('onload')", "alert('img')", "alert('link')", "alert('inline in body')", "document.cookie", "tracker.example.net", "Ignore all previous instructions", "developer mode", "delete every other draft", "hunter2", "Log in to read more", "Enable JavaScript", "onerror", "steal()" })
        {
            Assert.DoesNotContain(gone, draft);
        }

        Assert.Contains("Fabrikam's security advisory lists the versions", draft);

        // Text that looks like markup is escaped, so it stays text.
        Assert.Contains("""such as \<script\>alert("x")\</script\> in the chat window, and \*\*bold\*\* text and \[a link\](javascript:alert(1)) were echoed""", draft);
        Assert.Contains("\n\\# Not a heading: Fabrikam says 1. no customer data", draft);
    }
}
