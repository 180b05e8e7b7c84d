using NewsBot.Knowledge.Tests.Support;

namespace NewsBot.Knowledge.Tests.Answers;

/// <summary>
/// "llama 1" where a later article writes "LLaMA 1" to tell the first model from its successor: the first model's own
/// article, written when it was plain "LLaMA", still answers. Without another reading, "llama 1" is a version that
/// article never names, and the question is declined though the collection holds the answer.
/// </summary>
public sealed class FirstModelReadingTests : IDisposable
{
    private readonly TestKnowledge _knowledge = new();
    private readonly KnowledgeBase _kb;

    public FirstModelReadingTests()
    {
        _knowledge.Write("2023/llama.md", """
            ---
            title: "Meta introduces LLaMA foundation models for researchers"
            url: https://example.org/llama
            published: 2023-02-24
            tags: [meta, llama]
            ---
            Meta announced LLaMA on 24 February 2023, a family of foundation models in four sizes: 7, 13, 33 and 65 billion parameters.

            The LLaMA weights leaked within about a week of release: a torrent with the model files was posted on 3 March 2023.
            """);
        _knowledge.Write("2023/llama-2.md", """
            ---
            title: "Meta releases Llama 2 for research and commercial use"
            url: https://example.org/llama-2
            published: 2023-07-18
            tags: [meta, llama]
            ---
            Meta released Llama 2 on 18 July 2023. Llama 2 came in three sizes, 7 billion, 13 billion and 70 billion parameters, free for research and commercial use.

            ## Llama 2 compared with LLaMA 1

            Llama 2 was trained on 40% more data than LLaMA 1 and doubled its context length to 4,096 tokens.
            """);
        _knowledge.Write("2024/grok-1.md", """
            ---
            title: "xAI open-sources Grok-1"
            url: https://example.org/grok-1
            published: 2024-03-17
            tags: [xai, open-weights]
            ---
            xAI published the Grok-1 checkpoint for anyone to download on 17 March 2024.

            About a quarter of Grok-1's 314 billion parameters are active for each token.
            """);
        _knowledge.Write("2024/grok-2.md", """
            ---
            title: "xAI launches its second chatbot model for X Premium subscribers"
            url: https://example.org/grok-2
            published: 2024-08-13
            tags: [xai, grok]
            ---
            xAI launched Grok-2 on 13 August 2024 for X Premium and Premium+ subscribers.

            The context window is 128,000 tokens long in Grok-2.
            """);
        _kb = _knowledge.OpenSynced();
    }

    [Theory]
    [InlineData("when did the llama 1 weights leak", "3 March 2023")]
    [InlineData("what sizes did llama-1 come in", "65 billion")]
    [InlineData("what sizes did llama 1 come in", "65 billion")]
    public void Ask_AnswersAFirstModelFromItsOwnArticle_WhenALaterOneWritesItWithOne(string question, string quoted)
    {
        var answer = _kb.Ask(question);

        Assert.True(answer.Answered, Describe.Answer(answer));
        Assert.Equal("https://example.org/llama", answer.Results[0].Article.Url.ToString());
        Assert.Contains(quoted, answer.Results[0].Passage, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_KeepsTheVersionOfALaterModel()
    {
        var answer = _kb.Ask("how much more data was llama 2 trained on");

        Assert.True(answer.Answered, Describe.Answer(answer));
        Assert.Equal("https://example.org/llama-2", answer.Results[0].Article.Url.ToString());
    }

    [Fact]
    public void Ask_DoesNotAnswerAFirstModelFromALaterModelsArticle()
    {
        var answer = _kb.Ask("how long is the context window of grok 1");

        // The collection gives Grok-2's context window, not Grok-1's.
        Assert.False(answer.Answered, Describe.Answer(answer));
    }

    [Fact]
    public void Ask_StillDeclinesAFirstModelTheCollectionDoesNotCover()
    {
        var answer = _kb.Ask("what sizes did gemma 1 come in");

        Assert.False(answer.Answered, Describe.Answer(answer));
    }

    public void Dispose()
    {
        _kb.Dispose();
        _knowledge.Dispose();
    }
}
