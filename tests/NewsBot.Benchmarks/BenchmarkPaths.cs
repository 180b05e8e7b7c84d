namespace NewsBot.Benchmarks;

/// <summary>
/// Where the benchmarks find the repository's inputs (the shipped <c>knowledge/</c> folder and the golden
/// questions) and where they cache what they generate. BenchmarkDotNet runs each benchmark in a child process
/// whose working folder is under <c>bin/</c>, so the repository is found by walking up from the binaries;
/// <c>NEWSBOT_REPO</c> overrides the search.
/// </summary>
internal static class BenchmarkPaths
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string RepoRoot => Root.Value;

    public static string ShippedKnowledge => Path.Combine(RepoRoot, "knowledge");

    public static string GoldenQuestions => Path.Combine(RepoRoot, "tests", "golden", "questions.jsonl");

    /// <summary>A folder under the system temp folder that survives between runs (generated articles, built indexes).</summary>
    public static string Cache(string name) => Path.Combine(Path.GetTempPath(), "newsbot-bench", name);

    private static string FindRoot()
    {
        if (Environment.GetEnvironmentVariable("NEWSBOT_REPO") is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (Directory.Exists(Path.Combine(dir.FullName, "knowledge"))
                    && File.Exists(Path.Combine(dir.FullName, "tests", "golden", "questions.jsonl")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new DirectoryNotFoundException("cannot find the repository (a folder with knowledge/ and tests/golden/questions.jsonl); set NEWSBOT_REPO");
    }
}
