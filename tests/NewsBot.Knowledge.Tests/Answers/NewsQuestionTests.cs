using NewsBot.Knowledge.Tests.Support;

namespace NewsBot.Knowledge.Tests.Answers;

/// <summary>
/// "What's new?" on the curated collection: a question that asks what is new and nothing more gets the newest
/// articles, as <c>latest</c> lists them, not a passage that happens to hold "new" or "AI"; a question about something
/// new is answered, or declined, as any other.
/// </summary>
public sealed class NewsQuestionTests(CuratedKnowledgeFixture keywords, SemanticCuratedKnowledgeFixture semantic)
    : IClassFixture<CuratedKnowledgeFixture>, IClassFixture<SemanticCuratedKnowledgeFixture>
{
    [Theory]
    [InlineData("what's new?", false)]
    [InlineData("any news?", false)]
    [InlineData("whats the latest", false)]
    [InlineData("latest news", false)]
    [InlineData("what's new in ai", false)]
    [InlineData("recent ai news", false)]
    [InlineData("any new ai models?", false)]
    [InlineData("what's new?", true)]
    [InlineData("what's new in ai", true)]
    [InlineData("new models", true)]
    public void Ask_ListsTheNewestArticles_ForAQuestionThatAsksOnlyWhatIsNew(string question, bool withVectors)
    {
        // Before: "what's new in ai" quoted the AI Act deal's "A new EU AI Office would oversee ..." at 0.9, and
        // "any news?" was declined with the board crisis of November 2023 as the closest article.
        var knowledge = withVectors ? semantic.Knowledge : keywords.Knowledge;

        var answer = knowledge.Ask(question);

        Assert.False(answer.Answered, $"answered with {string.Join(", ", answer.Results.Select(r => r.Article.Id))}");
        Assert.True(answer.AsksForNews);
        Assert.Equal(knowledge.Latest(5).Select(a => a.Id), answer.Closest.Select(c => c.Id));
    }

    [Theory]
    [InlineData("whats new with phi-2", "phi-2")]
    [InlineData("any news about grok's open weights?", "grok-1-open-weights")]
    public void Ask_AnswersAQuestionAboutSomethingNew_FromItsArticle(string question, string article)
    {
        var answer = semantic.Knowledge.Ask(question);

        Assert.False(answer.AsksForNews);
        Assert.True(answer.Answered, $"declined at {answer.Confidence}");
        Assert.Contains(article, answer.Results[0].Article.Id, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("latest news about sora")]
    [InlineData("any news on gpt-5?")]
    [InlineData("what's new in 2026")]
    public void Ask_DeclinesNewsAboutSomethingTheCollectionDoesNotCover_WithTheClosestTitles(string question)
    {
        // Before: "latest news about sora" was answered at 0.74 with Llama 3's "a new tokenizer": stemmed, "news" is
        // "new", the only word of the question the collection holds.
        var answer = semantic.Knowledge.Ask(question);

        Assert.False(answer.Answered, $"answered with {string.Join(", ", answer.Results.Select(r => r.Article.Id))} at {answer.Confidence}");
        Assert.False(answer.AsksForNews);
    }
}
