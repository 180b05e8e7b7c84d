using NewsBot.Knowledge.Tests.Support;

namespace NewsBot.Knowledge.Tests.Answers;

/// <summary>
/// "What's &lt;company&gt;'s newest model?" on the curated collection: the newest article on the topic leads although
/// older articles share more words with the question (the company's funding rounds and partnerships name it in every
/// paragraph; its model launches name the model).
/// </summary>
public sealed class NewestOnTopicTests(CuratedKnowledgeFixture keywords, SemanticCuratedKnowledgeFixture semantic)
    : IClassFixture<CuratedKnowledgeFixture>, IClassFixture<SemanticCuratedKnowledgeFixture>
{
    [Theory]
    [InlineData("what's microsoft's newest ai model?", "2024/microsoft-phi-3-release", true)]
    [InlineData("latest anthropic model", "2025/anthropic-claude-3-7-sonnet-claude-code", true)]
    [InlineData("what is anthropic's newest model", "2025/anthropic-claude-3-7-sonnet-claude-code", true)]
    [InlineData("whats googles newest model", "2024/google-gemini-2-0", true)]
    [InlineData("whats googles newest model", "2024/google-gemini-2-0", false)]
    public void Ask_LeadsWithTheCompanysNewestModel_WhenItIsNotAmongTheFourBestMatches(string question, string article, bool withVectors)
    {
        // Before: only the four best-matching articles were weighed, so "the newest on the topic" was chosen among
        // them: the Mistral partnership for Microsoft, Amazon's November 2024 investment for Anthropic and Gemma for
        // Google, while Phi-3, Claude 3.7 Sonnet and Gemini 2.0 ranked fifth or sixth.
        var answer = (withVectors ? semantic.Knowledge : keywords.Knowledge).Ask(question);

        Assert.True(answer.Answered, $"declined at {answer.Confidence}");
        Assert.Equal(article, answer.Results[0].Article.Id);
    }
}
