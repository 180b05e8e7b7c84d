using NewsBot.Knowledge.Tests.Support;

namespace NewsBot.Knowledge.Tests.Semantic;

/// <summary>Semantic ranking with the real local model over a few articles: vectors cached, re-embedded only when text changes.</summary>
public sealed class SemanticKnowledgeTests : IDisposable
{
    private readonly TestKnowledge _knowledge = new();

    public SemanticKnowledgeTests()
    {
        _knowledge.Write("italy.md", ArticleText.Create(
            "Italy's privacy regulator temporarily blocks ChatGPT",
            "https://example.org/italy",
            "2023-03-31",
            "The Garante, Italy's data-protection authority, ordered OpenAI to stop processing Italian users' data, citing the GDPR.",
            "OpenAI restored access in Italy at the end of April after adding age checks and privacy controls."));
        _knowledge.Write("nvidia.md", ArticleText.Create(
            "NVIDIA becomes the first chipmaker worth $1 trillion",
            "https://example.org/nvidia",
            "2023-05-30",
            "Shares of the graphics-processor company rose on demand for data-centre accelerators used to train large language models."));
    }

    [Fact]
    public async Task Vectors_AreCachedInTheDataFolder_SoARestartEmbedsNothing()
    {
        var knowledge = _knowledge.Open(SemanticOptions());
        knowledge.Sync(TestContext.Current.CancellationToken);
        await knowledge.WhenVectorsReadyAsync(TestContext.Current.CancellationToken);
        var passages = knowledge.Stats.Passages;
        Assert.Equal(new VectorStats("all-MiniLM-L6-v2", passages, passages), knowledge.Stats.Vectors);
        var cached = new FileInfo(VectorFile).Length;
        _knowledge.Close(knowledge);

        var restarted = _knowledge.Open(SemanticOptions());

        Assert.Equal(passages, restarted.Stats.Vectors!.Ready);
        restarted.Sync(TestContext.Current.CancellationToken);
        await restarted.WhenVectorsReadyAsync(TestContext.Current.CancellationToken);
        Assert.Equal(cached, new FileInfo(VectorFile).Length);
    }

    [Fact]
    public async Task EditingOneParagraph_EmbedsOnlyThatPassage()
    {
        var knowledge = _knowledge.Open(SemanticOptions());
        knowledge.Sync(TestContext.Current.CancellationToken);
        await knowledge.WhenVectorsReadyAsync(TestContext.Current.CancellationToken);
        var before = new FileInfo(VectorFile).Length;

        _knowledge.Write("italy.md", ArticleText.Create(
            "Italy's privacy regulator temporarily blocks ChatGPT",
            "https://example.org/italy",
            "2023-03-31",
            "The Garante, Italy's data-protection authority, ordered OpenAI to stop processing Italian users' data, citing the GDPR.",
            "OpenAI restored access in Italy on 28 April after adding an age gate and a form to object to data processing."));
        _knowledge.Time.Advance(TimeSpan.FromMinutes(1));
        knowledge.Sync(TestContext.Current.CancellationToken);
        await knowledge.WhenVectorsReadyAsync(TestContext.Current.CancellationToken);

        Assert.Equal(before + VectorRecordLength, new FileInfo(VectorFile).Length);
        Assert.True(knowledge.Stats.Vectors!.Complete);
    }

    [Fact]
    public async Task AQuestionInOtherWords_FindsTheArticleByMeaning()
    {
        var knowledge = _knowledge.Open(SemanticOptions());
        knowledge.Sync(TestContext.Current.CancellationToken);
        await knowledge.WhenVectorsReadyAsync(TestContext.Current.CancellationToken);

        var answer = knowledge.Ask("Which European country stopped people from using the chatbot over data protection?");

        Assert.Equal("https://example.org/italy", answer.Ranking[0].Url.AbsoluteUri);
        Assert.True(answer.Results.Count == 0 || answer.Results[0].Score <= 1, "fused scores are shares of the best");
    }

    [Fact]
    public async Task ANewArticle_IsAnswerableAtOnce_BeforeItsVectorsExist()
    {
        var knowledge = _knowledge.Open(SemanticOptions());
        knowledge.Sync(TestContext.Current.CancellationToken);
        await knowledge.WhenVectorsReadyAsync(TestContext.Current.CancellationToken);

        _knowledge.Write("mistral.md", ArticleText.Create(
            "Mistral AI raises €385 million in a Series A",
            "https://example.org/mistral",
            "2023-12-10",
            "French start-up Mistral AI raised €385 million in a Series A round led by Andreessen Horowitz."));
        knowledge.Sync(TestContext.Current.CancellationToken);
        var answer = knowledge.Ask("How much did Mistral AI raise in its Series A?");

        Assert.True(answer.Answered);
        Assert.Equal("https://example.org/mistral", answer.Results[0].Article.Url.AbsoluteUri);
        await knowledge.WhenVectorsReadyAsync(TestContext.Current.CancellationToken);
        Assert.Equal(knowledge.Stats.Passages, knowledge.Stats.Vectors!.Ready);
        Assert.True(knowledge.Stats.Vectors.Complete);
    }

    [Fact]
    public void SemanticOff_IsThePureBm25Engine_WithNoVectorsAtAll()
    {
        var knowledge = _knowledge.OpenSynced();

        var answer = knowledge.Ask("How much is NVIDIA worth?");

        Assert.Null(knowledge.Stats.Vectors);
        Assert.False(Directory.Exists(Path.Combine(_knowledge.DataPath, "vectors")));
        Assert.True(answer.Results.Count == 0 || answer.Results[0].Score > 1, "BM25 scores are not shares");
    }

    public void Dispose() => _knowledge.Dispose();

    private const int VectorRecordLength = 16 + 4 + 384;

    private string VectorFile => Path.Combine(_knowledge.DataPath, "vectors", "all-MiniLM-L6-v2.vec");

    private KnowledgeOptions SemanticOptions()
    {
        var options = _knowledge.Options;
        options.Semantic = true;
        options.EmbeddingThreads = 2;
        return options;
    }
}
