using NewsBot.Configuration;
using NewsBot.Tests.Storage;

namespace NewsBot.Tests;

/// <summary>
/// A temporary knowledge folder (and data folder beside it) with a few articles, deleted on dispose; and, in the suite's
/// PostgreSQL run, a schema of its own for the bot state of the hosts built over it.
/// </summary>
internal sealed class TestKnowledge : IDisposable
{
    private TestStore? _store;

    public const string PhiMitUrl = "https://example.org/phi-2-mit";
    public const string PhiResearchUrl = "https://example.org/phi-2-research";
    public const string LlamaUrl = "https://example.org/llama-2";

    private readonly DirectoryInfo _root = Directory.CreateTempSubdirectory("newsbot-cli-");

    public TestKnowledge()
    {
        Directory.CreateDirectory(KnowledgePath);
        Write("2023/phi-2-release.md", Article(
            "Microsoft releases Phi-2 for research use",
            PhiResearchUrl,
            "2023-12-12",
            "Microsoft Research released Phi-2, a 2.7-billion-parameter small language model. Phi-2 is available under the Microsoft Research License, which allows research use only and no commercial use.",
            "Phi-2 was trained on 1.4 trillion tokens of synthetic and web data over 14 days on 96 A100 GPUs."));
        Write("2024/phi-2-mit.md", Article(
            "Microsoft moves Phi-2 to the MIT licence",
            PhiMitUrl,
            "2024-01-06",
            "Microsoft changed the licence of Phi-2 to the MIT licence. Under the MIT licence Phi-2 is licensed for commercial use as well as research.",
            "Developers noticed the new LICENSE file in the Phi-2 repository on Hugging Face."));
        Write("2023/llama-2.md", Article(
            "Meta releases Llama 2",
            LlamaUrl,
            "2023-07-18",
            "Meta released Llama 2, a family of large language models with 7, 13 and 70 billion parameters, free for research and commercial use.",
            "Companies with more than 700 million monthly active users need a separate licence from Meta to use Llama 2."));
    }

    public string Root => _root.FullName;

    public string KnowledgePath => Path.Combine(Root, "knowledge");

    public string DataPath => Path.Combine(Root, "data");

    public string[] Args(params string[] args) => [.. args, "--knowledge", KnowledgePath, "--data", DataPath];

    /// <summary>
    /// Configuration that puts a host's bot state where this run keeps it: nothing with SQLite (the file goes in
    /// <see cref="DataPath"/>), a fresh PostgreSQL schema when <c>NEWSBOT_TEST_STORAGE=postgres</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> StorageSettings =>
        TestStore.HostProvider == StorageProvider.Postgres ? (_store ??= TestStore.Create(StorageProvider.Postgres)).HostSettings : new Dictionary<string, string>();

    /// <summary><see cref="StorageSettings"/> as command-line arguments of the host.</summary>
    public string[] StorageArgs => [.. StorageSettings.Select(setting => $"--{setting.Key}={setting.Value}")];

    public void Write(string relativePath, string content)
    {
        var path = Path.Combine(KnowledgePath, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    public static string Article(string title, string url, string published, params string[] paragraphs) =>
        $"""
        ---
        title: "{title}"
        url: {url}
        published: {published}
        source: Example News
        tags: [test]
        ---
        {string.Join("\n\n", paragraphs)}

        """;

    public void Dispose()
    {
        _store?.Dispose();
        _root.Delete(recursive: true);
    }
}
