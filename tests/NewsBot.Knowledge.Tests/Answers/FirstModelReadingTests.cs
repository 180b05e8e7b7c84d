using NewsBot.Knowledge.Tests.Support;

namespace NewsBot.Knowledge.Tests.Answers;

/// <summary>
/// "gemma 1" where a later article writes "Gemma 1" to tell the first model from its successor: the first model's own
/// article, written when it was plain "Gemma", still answers. Without another reading, "gemma 1" is a version that
/// article never names, and the question is declined though the collection holds the answer.
/// </summary>
public sealed class FirstModelReadingTests : IDisposable
{
    private readonly TestKnowledge _knowledge = new();
    private readonly KnowledgeBase _kb;

    public FirstModelReadingTests()
    {
        _knowledge.Write("2024/gemma.md", """
            ---
            title: "Google releases Gemma, its first open-weight models"
            url: https://example.org/gemma
            published: 2024-02-21
            tags: [google, gemma]
            ---
            Google released Gemma on 21 February 2024. Gemma comes in two sizes, Gemma 2B and Gemma 7B, with 2 billion and 7 billion parameters.

            Google published the Gemma weights on Hugging Face, Kaggle and Vertex AI, under its own Gemma Terms of Use.
            """);
        _knowledge.Write("2024/gemma-2.md", """
            ---
            title: "Google releases Gemma 2 in 9B and 27B sizes"
            url: https://example.org/gemma-2
            published: 2024-06-27
            tags: [google, gemma]
            ---
            Google released Gemma 2 on 27 June 2024. Gemma 2 comes in 9 billion and 27 billion parameter sizes.

            ## Gemma 2 compared with Gemma 1

            Gemma 2 27B was trained on 13 trillion tokens, and Google said it outperforms Gemma 1 on every benchmark it reported.
            """);
        _knowledge.Write("2024/grok-1.md", """
            ---
            title: "xAI releases the weights of Grok-1"
            url: https://example.org/grok-1
            published: 2024-03-17
            tags: [xai, grok]
            ---
            xAI released the weights and architecture of Grok-1 on 17 March 2024 under the Apache 2.0 licence.

            Grok-1 is a mixture-of-experts model with 314 billion parameters.
            """);
        _kb = _knowledge.OpenSynced();
    }

    [Theory]
    [InlineData("what sizes did gemma 1 come in", "Gemma 2B and Gemma 7B")]
    [InlineData("where did google publish the gemma-1 weights", "Hugging Face")]
    public void Ask_AnswersAFirstModelFromItsOwnArticle_WhenALaterOneWritesItWithOne(string question, string quoted)
    {
        var answer = _kb.Ask(question);

        Assert.True(answer.Answered, Describe.Answer(answer));
        Assert.Equal("https://example.org/gemma", answer.Results[0].Article.Url.ToString());
        Assert.Contains(quoted, answer.Results[0].Passage, StringComparison.Ordinal);
    }

    [Fact]
    public void Ask_KeepsAVersionOneTheArticlesName()
    {
        var answer = _kb.Ask("how many parameters does grok 1 have");

        Assert.True(answer.Answered, Describe.Answer(answer));
        Assert.Equal("https://example.org/grok-1", answer.Results[0].Article.Url.ToString());
    }

    [Fact]
    public void Ask_StillDeclinesAFirstModelTheCollectionDoesNotCover()
    {
        var answer = _kb.Ask("what sizes did llama 1 come in");

        Assert.False(answer.Answered, Describe.Answer(answer));
    }

    public void Dispose()
    {
        _kb.Dispose();
        _knowledge.Dispose();
    }
}
