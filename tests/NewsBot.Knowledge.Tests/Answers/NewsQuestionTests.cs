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
    [InlineData("what's new with claude", "claude-3-7-sonnet", false)]
    [InlineData("what's new with claude", "claude-3-7-sonnet", true)]
    [InlineData("what's new with gemini", "gemini-2-0", true)]
    [InlineData("anything new on llama?", "llama-3-1-405b", true)]
    [InlineData("whats new at openai", "openai-funding-6-6b-2024", true)]
    [InlineData("any news about mistral", "microsoft-mistral-partnership", true)]
    public void Ask_LeadsWithTheNewestArticleOnTheTopic_WhenAskedWhatIsNewWithIt(string question, string article, bool withVectors)
    {
        // Before: "new" was no temporal wording, so "what's new with claude" led with Claude 2 (July 2023) and "what's
        // new with gemini" with the Bard rename (February 2024), not Claude 3.7 Sonnet and Gemini 2.0.
        var answer = (withVectors ? semantic.Knowledge : keywords.Knowledge).Ask(question);

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
