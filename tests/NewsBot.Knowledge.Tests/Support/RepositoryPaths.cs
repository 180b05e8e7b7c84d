namespace NewsBot.Knowledge.Tests.Support;

/// <summary>Finds files of the repository the tests were built from.</summary>
internal static class RepositoryPaths
{
    /// <summary>The folder holding Bot.sln, found by walking up from the test binaries.</summary>
    public static string Root { get; } = FindRoot();

    public static string Knowledge => Path.Combine(Root, "knowledge");

    /// <summary>The same articles written by another hand (tests/restyled/README.md).</summary>
    public static string RestyledKnowledge => Path.Combine(Root, "tests", "restyled", "knowledge");

    public static string GoldenQuestions => Path.Combine(Root, "tests", "golden", "questions.jsonl");

    /// <summary>Questions in people's own words, written after the semantic ranking was tuned (a held-out set).</summary>
    public static string ParaphraseQuestions => Path.Combine(Root, "tests", "golden", "paraphrases.jsonl");

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Bot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"Bot.sln not found above {AppContext.BaseDirectory}");
    }
}
