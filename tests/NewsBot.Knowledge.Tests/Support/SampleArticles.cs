namespace NewsBot.Knowledge.Tests.Support;

/// <summary>
/// A small hand-written collection about AI news (invented text, example.org urls): two Phi-2 articles that
/// disagree on the licence (the newer one is right), a few model launches and some unrelated stories.
/// </summary>
internal static class SampleArticles
{
    public const string PhiReleasePath = "2023/phi-2-release.md";
    public const string PhiReleaseUrl = "https://example.org/phi-2-release";
    public const string PhiMitPath = "2024/phi-2-mit.md";
    public const string PhiMitUrl = "https://example.org/phi-2-mit";
    public const string Gpt4oPath = "2024/gpt-4o.md";
    public const string Gpt4oUrl = "https://example.org/gpt-4o";
    public const string LlamaPath = "2024/llama-3-1.md";
    public const string LlamaUrl = "https://example.org/llama-3-1";
    public const string ClaudePath = "2024/claude-3-5-sonnet.md";
    public const string ClaudeUrl = "https://example.org/claude-3-5-sonnet";
    public const string Gpt4Path = "2023/gpt-4.md";
    public const string Gpt4Url = "https://example.org/gpt-4";
    public const string NvidiaPath = "2024/nvidia-blackwell.md";
    public const string NvidiaUrl = "https://example.org/nvidia-blackwell";
    public const string AiActPath = "2023/eu-ai-act.md";
    public const string AiActUrl = "https://example.org/eu-ai-act";
    public const string Phi3Path = "2024/phi-3.md";
    public const string Phi3Url = "https://example.org/phi-3";

    public static string PhiRelease { get; } = """
        ---
        title: "Microsoft Research releases Phi-2, a small language model"
        url: https://example.org/phi-2-release
        published: 2023-12-12
        source: Example News
        tags: [microsoft, phi, small-models]
        summary: "Phi-2 has 2.7 billion parameters and is licensed for research only."
        ---
        Microsoft Research released Phi-2 on 12 December 2023. Phi-2 is a small language model with 2.7 billion parameters that rivals models up to 25 times larger on reasoning benchmarks.

        ## Licence

        Phi-2 is licensed under the Microsoft Research License, a research-only licence. Commercial use of Phi-2 is not allowed under these terms.

        ## Training

        Phi-2 was trained on 1.4 trillion tokens of synthetic and web data over 14 days on 96 A100 GPUs.
        """;

    public static string PhiMit { get; } = """
        ---
        title: "Microsoft moves Phi-2 to the MIT licence"
        url: https://example.org/phi-2-mit
        published: 2024-01-06
        source: Example Wire
        tags: [microsoft, phi, licensing]
        ---
        Microsoft changed the licence of Phi-2 to the MIT licence in January 2024. Phi-2 is now licensed for commercial use: the MIT licence allows commercial use, modification and distribution.

        Developers noticed the new LICENSE file in the Phi-2 repository on Hugging Face, which replaced the research-only terms.
        """;

    public static string Gpt4o { get; } = """
        ---
        title: "OpenAI launches GPT-4o, an omni model"
        url: https://example.org/gpt-4o
        published: 2024-05-13
        source: Example News
        tags: [openai, gpt]
        ---
        OpenAI launched GPT-4o on 13 May 2024. GPT-4o is a multimodal model that reasons across audio, vision and text in real time, answering voice prompts in about 320 milliseconds.

        GPT-4o is available to free ChatGPT users, and in the API it costs half as much as GPT-4 Turbo.
        """;

    public static string Llama { get; } = """
        ---
        title: "Meta releases Llama 3.1 with a 405B model"
        url: https://example.org/llama-3-1
        published: 2024-07-23
        source: Example News
        tags: [meta, llama, open-weights]
        ---
        Meta released Llama 3.1 on 23 July 2024. The family includes a 405 billion parameter model, the largest openly available foundation model, alongside 8B and 70B versions.

        Llama 3.1 supports a context window of 128,000 tokens and eight languages, and its licence allows commercial use by most companies.
        """;

    public static string Claude { get; } = """
        ---
        title: "Anthropic launches Claude 3.5 Sonnet"
        url: https://example.org/claude-3-5-sonnet
        published: 2024-06-20
        source: Example News
        tags: [anthropic, claude]
        ---
        Anthropic launched Claude 3.5 Sonnet on 20 June 2024. Claude 3.5 Sonnet outperforms Claude 3 Opus on coding and graduate-level reasoning benchmarks while running twice as fast.

        Claude 3.5 Sonnet introduced Artifacts, a workspace where generated code and documents appear beside the conversation.
        """;

    public static string Gpt4 { get; } = """
        ---
        title: "OpenAI releases GPT-4"
        url: https://example.org/gpt-4
        published: 2023-03-14
        source: Example News
        tags: [openai, gpt]
        ---
        OpenAI released GPT-4 on 14 March 2023. GPT-4 is a large multimodal model that accepts image and text inputs and scores in the top 10 percent of test takers on a simulated bar exam.

        GPT-4 is available in ChatGPT Plus and through the OpenAI API with a waitlist.
        """;

    public static string Nvidia { get; } = """
        ---
        title: "Nvidia unveils Blackwell GPUs"
        url: https://example.org/nvidia-blackwell
        published: 2024-03-18
        source: Example Chips
        tags: [nvidia, hardware]
        ---
        Nvidia unveiled the Blackwell B200 GPU at its GTC conference on 18 March 2024. Blackwell packs 208 billion transistors and speeds up inference of large language models.

        Cloud providers including Amazon, Google and Microsoft said they would offer Blackwell servers.
        """;

    public static string AiAct { get; } = """
        ---
        title: "EU reaches political agreement on the AI Act"
        url: https://example.org/eu-ai-act
        published: 2023-12-08
        source: Example Policy
        tags: [eu, regulation]
        ---
        European Union negotiators reached a political agreement on the AI Act on 8 December 2023. The law sorts AI systems by risk and bans some uses such as social scoring.

        Providers of general-purpose AI models must publish summaries of their training data under the AI Act.
        """;

    public static string Phi3 { get; } = """
        ---
        title: "Microsoft releases Phi-3 mini"
        url: https://example.org/phi-3
        published: 2024-04-23
        source: Example News
        tags: [microsoft, phi, small-models]
        ---
        Microsoft released Phi-3 mini on 23 April 2024, a 3.8 billion parameter small language model that succeeds Phi-2. Phi-3 mini runs on a phone and is available on Azure, Hugging Face and Ollama.

        Microsoft said Phi-3 mini matches models twice its size on language, coding and math benchmarks.
        """;

    public static IReadOnlyList<(string Path, string Text)> All { get; } =
    [
        (PhiReleasePath, PhiRelease),
        (PhiMitPath, PhiMit),
        (Gpt4oPath, Gpt4o),
        (LlamaPath, Llama),
        (ClaudePath, Claude),
        (Gpt4Path, Gpt4),
        (NvidiaPath, Nvidia),
        (AiActPath, AiAct),
        (Phi3Path, Phi3),
    ];

    public static void WriteAll(TestKnowledge knowledge)
    {
        foreach (var (path, text) in All)
        {
            knowledge.Write(path, text);
        }
    }

    /// <summary>Writes the given articles of <see cref="All"/> only.</summary>
    public static void Write(TestKnowledge knowledge, params string[] paths)
    {
        foreach (var path in paths)
        {
            knowledge.Write(path, All.Single(a => a.Path == path).Text);
        }
    }
}
