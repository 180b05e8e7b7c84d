namespace NewsBot.Tests.Curation;

/// <summary>
/// A temporary knowledge folder with a few articles, and the saved pages served on 127.0.0.1. The command line reads
/// <c>Curation__AllowPrivateHosts</c> from the environment, as a curator would set it; tests that need the refusal of
/// loopback addresses use a <see cref="NewsBot.Knowledge.Curation.CurationDesk"/> of their own.
/// </summary>
internal sealed class CurationTestBed : IAsyncDisposable
{
    private CurationTestBed(TestKnowledge knowledge, PageServer pages)
    {
        Knowledge = knowledge;
        Pages = pages;
    }

    public TestKnowledge Knowledge { get; }

    public PageServer Pages { get; }

    public string Drafts => Path.Combine(Knowledge.KnowledgePath, "_drafts");

    public static async Task<CurationTestBed> StartAsync()
    {
        // Set, never unset: every test of this assembly that fetches serves its pages on 127.0.0.1.
        Environment.SetEnvironmentVariable("Curation__AllowPrivateHosts", "true");
        return new CurationTestBed(new TestKnowledge(), await PageServer.StartAsync());
    }

    public CliResult Run(params string[] args) => CliRunner.Run(Knowledge.Args(args));

    /// <summary>Every draft file, relative to the drafts folder with forward slashes.</summary>
    public List<string> DraftFiles() => Directory.Exists(Drafts)
        ? Directory.EnumerateFiles(Drafts, "*.md", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Drafts, f).Replace('\\', '/')).Order().ToList()
        : [];

    public string ReadDraft(string relative) => File.ReadAllText(Path.Combine(Drafts, relative));

    public async ValueTask DisposeAsync()
    {
        await Pages.DisposeAsync();
        Knowledge.Dispose();
    }
}
